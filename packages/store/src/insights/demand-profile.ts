import { InsightsError, InsightsErrorCodes } from './insights-error.js';

/** One skill a job asks for: the `SkillRequirement` of the job-requirements schema (fields used here). */
export interface DemandRequirement {
  framework: string;
  code: string;
  name?: string;
  importance: 'required' | 'desirable';
}

/** A job-requirements document (schemas/job-requirements.json), the fields insights use. */
export interface DemandJobRequirements {
  title: string;
  openings?: number;
  areaCode?: string;
  requirements: DemandRequirement[];
}

/** One kind of job in an area and how many openings it has (default: the document's `openings`, else 1). */
export interface DemandJob {
  requirements: DemandJobRequirements;
  openings?: number;
}

/**
 * An area's demand: job-requirements profiles with their openings. In a file, `requirements` may also be a
 * path to a job-requirements JSON file (relative to the demand file); the CLI reads those before calling
 * {@link parseDemandProfile}.
 *
 * @example
 * const demand: DemandProfile = {
 *   area: 'E08000035',
 *   month: '2026-06',
 *   jobs: [{ requirements: { title: 'SOC analyst', requirements: [{ framework: 'SFIA', code: 'SCTY', importance: 'required' }] }, openings: 12 }],
 * };
 */
export interface DemandProfile {
  area?: string;
  /** The month the openings were counted (`YYYY-MM`), for the reader; not used to filter supply. */
  month?: string;
  jobs: DemandJob[];
}

/**
 * Checks a parsed demand profile (with every `requirements` already a document) and returns it typed.
 * Throws {@link InsightsError} `insights-demand-invalid` naming the first thing wrong.
 *
 * @example
 * const demand = parseDemandProfile(JSON.parse(text));
 */
export function parseDemandProfile(value: unknown): DemandProfile {
  if (!isObject(value)) return invalid('the demand profile must be a JSON object');
  if (value.area !== undefined && (typeof value.area !== 'string' || value.area === ''))
    return invalid('area must be a non-empty string');
  if (value.month !== undefined && !(typeof value.month === 'string' && /^\d{4}-\d{2}$/.test(value.month)))
    return invalid('month must be written YYYY-MM');
  if (!Array.isArray(value.jobs) || value.jobs.length === 0) return invalid('jobs must be a non-empty array');
  for (const [index, job] of (value.jobs as unknown[]).entries()) checkJob(job, `jobs[${index}]`);
  return value as unknown as DemandProfile;
}

/**
 * Openings of a job: the demand entry's, else the document's, else 1.
 *
 * @example
 * openingsOf({ requirements: { title: 'x', openings: 3, requirements: [] } }); // 3
 */
export function openingsOf(job: DemandJob): number {
  return job.openings ?? job.requirements.openings ?? 1;
}

function checkJob(job: unknown, where: string): void {
  if (!isObject(job)) invalid(`${where} must be an object`);
  if (!isCount(job.openings)) invalid(`${where}.openings must be a whole number, 0 or more`);
  const document = job.requirements;
  if (!isObject(document) || !Array.isArray(document.requirements) || document.requirements.length === 0)
    invalid(`${where}.requirements must be a job-requirements document`);
  if (!isCount(document.openings))
    invalid(`${where}.requirements.openings must be a whole number, 0 or more`);
  for (const [position, requirement] of (document.requirements as unknown[]).entries()) {
    if (
      !isObject(requirement) ||
      typeof requirement.framework !== 'string' ||
      typeof requirement.code !== 'string' ||
      (requirement.importance !== 'required' && requirement.importance !== 'desirable')
    ) {
      invalid(`${where}.requirements.requirements[${position}] needs framework, code and importance`);
    }
  }
}

/** Absent, or a whole number 0 or more. */
function isCount(value: unknown): boolean {
  return value === undefined || (Number.isInteger(value) && (value as number) >= 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): never {
  throw new InsightsError(InsightsErrorCodes.demandInvalid, `Invalid demand profile: ${message}.`);
}
