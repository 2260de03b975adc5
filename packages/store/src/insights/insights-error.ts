/**
 * Stable codes for refusing an insights query. Kept beside the insights code (not in `StoreErrorCodes`)
 * because they are a user's query mistakes, which the CLI and the service report as bad input.
 */
export const InsightsErrorCodes = {
  /** `k` below the floor of 5 learners per published cell (or not a whole number). */
  kTooSmall: 'insights-k-too-small',
  /** `from` / `to` are not `YYYY-MM` months, or `to` is before `from`, or the range is too long. */
  periodInvalid: 'insights-period-invalid',
  /** A demand profile that is not the documented `{ area, jobs: [{ requirements, openings }] }` shape. */
  demandInvalid: 'insights-demand-invalid',
} as const;

/** One of the {@link InsightsErrorCodes} values. */
export type InsightsErrorCode = (typeof InsightsErrorCodes)[keyof typeof InsightsErrorCodes];

/**
 * Thrown when an insights query or demand profile is refused; carries a stable kebab-case `code`.
 *
 * @example
 * try {
 *   await skillsSupply(store, { from: '2026-01', to: '2026-12', k: 3 });
 * } catch (error) {
 *   if (error instanceof InsightsError) console.error(error.code); // 'insights-k-too-small'
 * }
 */
export class InsightsError extends Error {
  readonly code: InsightsErrorCode;

  constructor(code: InsightsErrorCode, message: string) {
    super(message);
    this.name = 'InsightsError';
    this.code = code;
  }
}
