import { InsightsError, InsightsErrorCodes } from './insights-error.js';

/** The smallest number of distinct learners a published cell may describe: never configurable lower. */
export const MIN_INSIGHTS_K = 5;
/** The default minimum cell size. */
export const DEFAULT_INSIGHTS_K = 10;
/** The longest period one query may cover, in months (keeps a query's memory and output bounded). */
export const MAX_INSIGHTS_MONTHS = 120;

/** What a caller asks for: an area (all areas when absent), a month range (both inclusive) and k. */
export interface InsightsQuery {
  /** Area code as recorded at issuing (for example an ONS code `E08000035`); all areas when absent. */
  area?: string | undefined;
  /** First month, `YYYY-MM` (inclusive). */
  from: string;
  /** Last month, `YYYY-MM` (inclusive). */
  to: string;
  /** Minimum distinct learners per published cell; default 10, never below 5. */
  k?: number | undefined;
}

/** A checked query: the months it covers and the ISO instants bounding them (`to` exclusive). */
export interface ResolvedInsightsQuery {
  area: string | null;
  from: string;
  to: string;
  k: number;
  months: string[];
  fromInstant: string;
  toInstant: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Checks a query and expands its months. Throws {@link InsightsError} `insights-k-too-small` for k < 5 and
 * `insights-period-invalid` for a bad month range.
 *
 * @example
 * resolveInsightsQuery({ from: '2026-01', to: '2026-03' }).months; // ['2026-01', '2026-02', '2026-03']
 */
export function resolveInsightsQuery(query: InsightsQuery): ResolvedInsightsQuery {
  const k = query.k ?? DEFAULT_INSIGHTS_K;
  if (!Number.isInteger(k) || k < MIN_INSIGHTS_K) {
    throw new InsightsError(
      InsightsErrorCodes.kTooSmall,
      `k must be a whole number of at least ${MIN_INSIGHTS_K} learners per published cell.`,
    );
  }
  const start = monthIndex(query.from, 'from');
  const end = monthIndex(query.to, 'to');
  if (end < start) throw new InsightsError(InsightsErrorCodes.periodInvalid, 'to is before from.');
  if (end - start + 1 > MAX_INSIGHTS_MONTHS) {
    throw new InsightsError(
      InsightsErrorCodes.periodInvalid,
      `A query covers at most ${MAX_INSIGHTS_MONTHS} months.`,
    );
  }
  const months: string[] = [];
  for (let index = start; index <= end; index++) months.push(monthName(index));
  const area = query.area?.trim() ? query.area.trim() : null;
  return {
    area,
    from: months[0]!,
    to: months.at(-1)!,
    k,
    months,
    fromInstant: `${monthName(start)}-01T00:00:00.000Z`,
    toInstant: `${monthName(end + 1)}-01T00:00:00.000Z`,
  };
}

/**
 * The UTC calendar month (`YYYY-MM`) of an ISO 8601 instant.
 *
 * @example
 * monthOf('2026-03-31T23:30:00.000Z'); // '2026-03'
 */
export function monthOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 7);
}

function monthIndex(value: string, field: string): number {
  const match = typeof value === 'string' ? MONTH.exec(value.trim()) : null;
  if (!match) {
    throw new InsightsError(InsightsErrorCodes.periodInvalid, `${field} must be a month written YYYY-MM.`);
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthName(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
