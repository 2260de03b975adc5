import type { InsightCell, InsightsReport } from './insights-report.js';

/** Columns of {@link insightsCsv}, in order. */
export const INSIGHTS_CSV_COLUMNS = [
  'section',
  'key',
  'credentials',
  'status',
  'suppressed_cells',
  'demand',
  'required_demand',
  'gap',
] as const;

/**
 * The report as one CSV table (RFC 4180, header row, `\n` line ends): a row per figure, the `section` column
 * saying which breakdown it belongs to (`total`, `month`, `skill`, `level`, `kind`, `provider`, `area`, `gap`).
 * Suppressed figures have an empty `credentials` cell, never a number.
 *
 * @example
 * await writeFile('insights.csv', insightsCsv(report));
 */
export function insightsCsv(report: InsightsReport): string {
  const rows: Array<Array<string | number | null>> = [[...INSIGHTS_CSV_COLUMNS]];
  const section = (name: string, cells: InsightCell[]) => {
    for (const cell of cells) {
      rows.push([name, cell.key, cell.credentials, cell.status, cell.suppressedCells, null, null, null]);
    }
  };
  section('total', [report.total]);
  section('month', report.months);
  section('skill', report.bySkill);
  section('level', report.byLevel);
  section('kind', report.byKind);
  section('provider', report.byProvider);
  section('area', report.byArea);
  for (const skill of report.demand?.skills ?? []) {
    rows.push([
      'gap',
      skill.key,
      skill.supply,
      skill.supplyStatus,
      null,
      skill.demand,
      skill.requiredDemand,
      skill.gap,
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; keys are area codes and skill codes.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
