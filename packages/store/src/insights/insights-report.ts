/**
 * How a figure came out of suppression:
 * - `published`: every underlying area-month cell had at least k learners; the figure is exact;
 * - `partial`: some underlying cells were suppressed; the figure is the sum of the published ones (a lower bound);
 * - `suppressed`: no underlying cell could be published; there is no figure.
 */
export type InsightCellStatus = 'published' | 'partial' | 'suppressed';

/** One published figure: a count of credentials (never of learners, and never a learner id). */
export interface InsightCell {
  /** What the figure counts: a skill `SFIA:SCTY`, a level, a kind, a provider id, an area code or a month. */
  key: string;
  /** Credentials issued and not revoked; `null` when suppressed. */
  credentials: number | null;
  status: InsightCellStatus;
  /** How many area-month cells under this figure were suppressed (0 for an exact figure). */
  suppressedCells: number;
}

/** A figure for one skill (framework + code; SFIA levels are not split). */
export interface SkillInsightCell extends InsightCell {
  framework: string;
  code: string;
}

/** Demand against supply for one skill. */
export interface SkillGap {
  key: string;
  framework: string;
  code: string;
  /** Display name from the job requirements, when one gave it. */
  name?: string;
  /** Openings whose job lists the skill (required or desirable). */
  demand: number;
  /** Of those, openings where the skill is required. */
  requiredDemand: number;
  /** Published supply (credentials), `null` when suppressed. */
  supply: number | null;
  supplyStatus: InsightCellStatus;
  /** `demand - supply`; positive means a shortage. An upper bound when supply is `partial`; `null` when suppressed. */
  gap: number | null;
}

/** The demand side of a report. */
export interface DemandSummary {
  area: string | null;
  month: string | null;
  openings: number;
  jobs: number;
  /** Skills in demand or in supply, largest gap first. */
  skills: SkillGap[];
}

/** The method name carried in every report, so a reader knows how cells were protected. */
export const INSIGHTS_METHOD = 'k-threshold-with-complementary-suppression';

/**
 * An anonymised skills-supply report. Holds counts only: no learner, credential or subject identifier.
 *
 * @example
 * const report = await skillsSupply(store, { area: 'E08000035', from: '2026-01', to: '2026-12' });
 * report.bySkill[0]; // { key: 'SFIA:SCTY', framework: 'SFIA', code: 'SCTY', credentials: 128, status: 'published', suppressedCells: 0 }
 */
export interface InsightsReport {
  query: { area: string | null; from: string; to: string; k: number };
  method: typeof INSIGHTS_METHOD;
  /** All credentials in the period: the sum of published area-month totals. */
  total: InsightCell;
  /** The monthly trend, one cell per month of the period (months without issuing are 0). */
  months: InsightCell[];
  bySkill: SkillInsightCell[];
  byLevel: InsightCell[];
  byKind: InsightCell[];
  byProvider: InsightCell[];
  byArea: InsightCell[];
  /** Present when demand profiles were given. */
  demand?: DemandSummary;
}
