import { parse } from 'csv-parse/sync';
import { CliCodes, CliError } from '../cli-error.js';

/** One data row of a cohort CSV: its line number in the file (the header is line 1) and its non-empty cells. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * Parses a cohort CSV (header row naming the builder input fields; UTF-8, optional BOM; `,` separated; quoted
 * cells may hold commas and newlines). Empty cells are left out so builders apply their defaults. A file that
 * is not CSV at all (unbalanced quotes, no header) is `input-unreadable`; row-level problems are left to the
 * builders so one bad row never stops the batch.
 *
 * @example
 * const rows = parseCohortCsv('learnerName,achievementName\nAisha Khan,Cyber basics\n');
 * rows[0]; // { line: 2, cells: { learnerName: 'Aisha Khan', achievementName: 'Cyber basics' } }
 */
export function parseCohortCsv(text: string): CsvRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim()),
      skip_empty_lines: true,
      trim: true,
      // A row with too few or too many cells is still read; the builders report what is missing.
      relax_column_count: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (error) {
    throw new CliError(CliCodes.inputUnreadable, `The CSV cannot be read: ${(error as Error).message}`);
  }
  return records.map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(
      Object.entries(record).filter(
        ([name, value]) => name !== '' && typeof value === 'string' && value !== '',
      ),
    ),
  }));
}

/**
 * Writes one CSV line, quoting cells that need it (for `issue-batch --template`).
 *
 * @example
 * csvLine(['a', 'b,c']); // 'a,"b,c"'
 */
export function csvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}
