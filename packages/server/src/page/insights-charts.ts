import type { InsightCell } from '@skills-passport/store';
import { html } from 'hono/html';

/** One bar of a chart: a label, a value (`null` when suppressed) and an optional note (`+` for a lower bound). */
export interface ChartBar {
  label: string;
  value: number | null;
  note?: string;
}

const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const BAR = '#1d4ed8';
const SHORTAGE = '#8a1c1c';
const SURPLUS = '#0a5c2b';

/**
 * A horizontal bar chart as inline SVG (no script, no external asset, presentation attributes only so the
 * page's CSP needs no inline styles). Negative values draw left of the axis in another colour; suppressed bars
 * are labelled "suppressed" with no bar. `title` and `description` make it readable to screen readers.
 *
 * @example
 * html`${horizontalBarChart({ id: 'gaps', title: 'Top skill gaps', description: '...', bars })}`;
 */
export function horizontalBarChart(options: {
  id: string;
  title: string;
  description: string;
  bars: ChartBar[];
  signed?: boolean;
}) {
  const { id, bars } = options;
  const width = 720;
  const labelWidth = 260;
  const rowHeight = 26;
  const height = Math.max(1, bars.length) * rowHeight + 10;
  const values = bars.map((bar) => Math.abs(bar.value ?? 0));
  const max = Math.max(1, ...values);
  const hasNegative = options.signed === true && bars.some((bar) => (bar.value ?? 0) < 0);
  const plot = width - labelWidth - 70;
  const zero = labelWidth + (hasNegative ? plot / 2 : 0);
  const scale = (hasNegative ? plot / 2 : plot) / max;
  return html`<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="13">
<title id="${id}-title">${options.title}</title>
<desc id="${id}-desc">${options.description}</desc>
<line x1="${zero}" y1="0" x2="${zero}" y2="${height - 5}" stroke="${MUTED}" stroke-width="1"/>
${bars.map((bar, index) => {
  const y = index * rowHeight + 5;
  const label = bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label;
  if (bar.value === null) {
    return html`<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="${INK}">${label}</text>
<text x="${zero + 6}" y="${y + 17}" fill="${MUTED}" font-style="italic">suppressed</text>`;
  }
  const length = Math.abs(bar.value) * scale;
  const negative = bar.value < 0;
  const x = negative ? zero - length : zero;
  const colour = options.signed ? (negative ? SURPLUS : SHORTAGE) : BAR;
  const textX = negative ? x - 6 : zero + length + 6;
  return html`<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="${INK}">${label}</text>
<rect x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(1, length).toFixed(1)}" height="${rowHeight - 8}" fill="${colour}"/>
<text x="${textX.toFixed(1)}" y="${y + 17}" text-anchor="${negative ? 'end' : 'start'}" fill="${INK}">${bar.value}${bar.note ?? ''}</text>`;
})}
</svg>`;
}

/**
 * The monthly issuance trend as an SVG column chart: one column per month, suppressed months marked with an
 * "s" on the axis instead of a column, lower bounds with a "+".
 *
 * @example
 * html`${monthlyTrendChart('trend', report.months)}`;
 */
export function monthlyTrendChart(id: string, months: InsightCell[]) {
  const width = 720;
  const height = 240;
  const left = 40;
  const bottom = 40;
  const top = 20;
  const plotHeight = height - bottom - top;
  const slot = (width - left - 10) / Math.max(1, months.length);
  const max = Math.max(1, ...months.map((month) => month.credentials ?? 0));
  const published = months.filter((month) => month.credentials !== null);
  return html`<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">
<title id="${id}-title">Credentials issued per month</title>
<desc id="${id}-desc">${published.length} of ${months.length} months published; highest month ${max} credentials.</desc>
<line x1="${left}" y1="${top + plotHeight}" x2="${width - 10}" y2="${top + plotHeight}" stroke="${MUTED}"/>
<text x="${left - 6}" y="${top + 4}" text-anchor="end" fill="${MUTED}">${max}</text>
<text x="${left - 6}" y="${top + plotHeight}" text-anchor="end" fill="${MUTED}">0</text>
${months.map((month, index) => {
  const x = left + index * slot;
  const centre = x + slot / 2;
  const axisLabel = html`<text x="${centre.toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle" fill="${INK}">${month.key.slice(5)}</text>`;
  if (month.credentials === null) {
    return html`${axisLabel}<text x="${centre.toFixed(1)}" y="${top + plotHeight - 6}" text-anchor="middle" fill="${MUTED}" font-style="italic">s</text>`;
  }
  const barHeight = (month.credentials / max) * plotHeight;
  return html`${axisLabel}<rect x="${(x + slot * 0.15).toFixed(1)}" y="${(top + plotHeight - barHeight).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${BAR}"/>
<text x="${centre.toFixed(1)}" y="${(top + plotHeight - barHeight - 4).toFixed(1)}" text-anchor="middle" fill="${INK}">${month.credentials}${month.status === 'partial' ? '+' : ''}</text>`;
})}
<text x="${left}" y="${height - 6}" fill="${MUTED}">${months[0]?.key.slice(0, 4) ?? ''}${months.length > 1 && months.at(-1)?.key.slice(0, 4) !== months[0]?.key.slice(0, 4) ? `–${months.at(-1)?.key.slice(0, 4)}` : ''} (s: suppressed, fewer than k learners)</text>
</svg>`;
}
