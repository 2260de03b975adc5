import type { InsightCell, InsightsReport } from '@skills-passport/store';
import { html } from 'hono/html';
import { type ChartBar, horizontalBarChart, monthlyTrendChart } from './insights-charts.js';

/** Bars shown in the skills chart. */
const TOP_SKILLS = 12;

/**
 * The partnership's insights page body: a GET form (area, months; works without script), the top skill gaps
 * (or, without demand, the top skills supplied) and the monthly trend as server-rendered SVG, then every
 * figure as a table. Suppressed figures read "suppressed", never a number.
 *
 * @example
 * c.html(layout('Skills supply insights', insightsView(report)));
 */
export function insightsView(report: InsightsReport) {
  const { query } = report;
  const gaps = report.demand?.skills.filter((skill) => skill.demand > 0).slice(0, TOP_SKILLS) ?? [];
  const skillsChart =
    gaps.length > 0
      ? horizontalBarChart({
          id: 'gaps',
          title: 'Top skill gaps: openings minus credentials issued',
          description: `Largest gap ${gaps[0]?.gap ?? 'unknown'} for ${gaps[0]?.name ?? gaps[0]?.key}. Red: more openings than credentials; green: more credentials than openings.`,
          signed: true,
          bars: gaps.map(
            (skill): ChartBar => ({
              label: skill.name ? `${skill.name} (${skill.code})` : skill.key,
              value: skill.gap,
              ...(skill.supplyStatus === 'partial' ? { note: ' (at most)' } : {}),
            }),
          ),
        })
      : horizontalBarChart({
          id: 'supply',
          title: 'Top skills by credentials issued',
          description: `${report.bySkill.length} skills; the largest has ${report.bySkill[0]?.credentials ?? 'no published'} credentials.`,
          bars: report.bySkill.slice(0, TOP_SKILLS).map((cell) => ({
            label: cell.key,
            value: cell.credentials,
            ...(cell.status === 'partial' ? { note: '+' } : {}),
          })),
        });
  return html`<h1>Skills supply insights</h1>
<p class="lede">Credentials issued and not revoked in ${query.area ?? 'all areas'}, ${query.from} to ${query.to}. Any figure describing fewer than ${query.k} learners is suppressed; a figure ending in + is a lower bound.</p>
<form method="get" action="/insights/page">
<label for="area">Area code</label><input id="area" name="area" value="${query.area ?? ''}">
<label for="from">From (YYYY-MM)</label><input id="from" name="from" value="${query.from}" pattern="\\d{4}-\\d{2}" required>
<label for="to">To (YYYY-MM)</label><input id="to" name="to" value="${query.to}" pattern="\\d{4}-\\d{2}" required>
<button type="submit">Show</button>
</form>
<p><strong>Credentials issued:</strong> ${figure(report.total)}${report.demand ? html` · <strong>Openings:</strong> ${report.demand.openings} in ${report.demand.jobs} job profiles` : ''}</p>
<h2>${gaps.length > 0 ? 'Top skill gaps' : 'Top skills supplied'}</h2>
${skillsChart}
<h2>Monthly issuance trend</h2>
${monthlyTrendChart('trend', report.months)}
${report.demand ? gapTable(report) : ''}
${cellTable('By skill', report.bySkill)}
${cellTable('By digital skills level', report.byLevel)}
${cellTable('By kind of credential', report.byKind)}
${cellTable('By provider', report.byProvider)}
${cellTable('By area', report.byArea)}
${cellTable('By month', report.months)}
<footer><p>Method: ${report.method} (k = ${query.k}). Machine-readable: <a href="/insights?${queryString(report)}">/insights</a>.</p></footer>`;
}

function gapTable(report: InsightsReport) {
  return html`<h2>Demand against supply</h2>
<table><thead><tr><th scope="col">Skill</th><th scope="col">Openings</th><th scope="col">Required in</th><th scope="col">Credentials</th><th scope="col">Gap</th></tr></thead><tbody>
${report.demand!.skills.map(
  (skill) =>
    html`<tr><td>${skill.name ?? skill.code} <code>${skill.key}</code></td><td>${skill.demand}</td><td>${skill.requiredDemand}</td><td>${skill.supply === null ? 'suppressed' : `${skill.supply}${skill.supplyStatus === 'partial' ? '+' : ''}`}</td><td>${skill.gap === null ? 'unknown' : `${skill.supplyStatus === 'partial' ? '≤ ' : ''}${skill.gap}`}</td></tr>`,
)}
</tbody></table>`;
}

function cellTable(title: string, cells: InsightCell[]) {
  if (cells.length === 0) return '';
  return html`<h2>${title}</h2>
<table><thead><tr><th scope="col">Key</th><th scope="col">Credentials</th><th scope="col">Suppressed cells</th></tr></thead><tbody>
${cells.map((cell) => html`<tr><td><code>${cell.key}</code></td><td>${figure(cell)}</td><td>${cell.suppressedCells}</td></tr>`)}
</tbody></table>`;
}

function figure(cell: InsightCell): string {
  if (cell.credentials === null) return 'suppressed';
  return cell.status === 'partial' ? `${cell.credentials}+` : String(cell.credentials);
}

function queryString(report: InsightsReport): string {
  const params = new URLSearchParams({ from: report.query.from, to: report.query.to });
  if (report.query.area) params.set('area', report.query.area);
  return params.toString();
}
