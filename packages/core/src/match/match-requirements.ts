import { type JobRequirements, type SkillRequirement, validate } from '@skills-passport/schemas';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { SkillSummary, VerificationReport } from '../verify/report.js';
import {
  countedCredentials,
  type MatchableCredential,
  type NotCountedCredential,
} from './counted-credentials.js';

/** How well the verified credentials cover one requirement. */
export type RequirementOutcome = 'met' | 'partly-met' | 'missing';

/** One verified credential's skill that covers a requirement. */
export interface SkillEvidence {
  credentialId?: string;
  achievement?: string;
  issuer?: string;
  /** The skill as the credential states it. */
  skill: SkillSummary;
  /** SFIA level 1-7, when the credential states one. */
  level?: number;
}

/** The answer for one requirement of the job. */
export interface RequirementMatch {
  requirement: SkillRequirement;
  outcome: RequirementOutcome;
  /** Verified credentials that cover the skill (at any level), best level first. */
  evidence: SkillEvidence[];
  /** The highest SFIA level evidenced, for SFIA requirements with evidence that states one. */
  bestLevel?: number;
}

/** What `matchRequirements` returns. */
export interface MatchResult {
  title: string;
  /** Every required skill is met. */
  allRequiredMet: boolean;
  /**
   * 0-100: each requirement scores 1 when met, ½ when partly met, 0 when missing; required ones weigh twice as
   * much as desirable ones.
   */
  score: number;
  requirements: RequirementMatch[];
  /** How many credentials counted (verified). */
  counted: number;
  /** Credentials that did not count (revoked, expired, not the holder's...), with the reason. */
  notCounted: NotCountedCredential[];
}

const WEIGHT = { required: 2, desirable: 1 } as const;
const CREDIT: Record<RequirementOutcome, number> = { met: 1, 'partly-met': 0.5, missing: 0 };

/**
 * Matches a verified passport against a job's skill requirements (the `job-requirements` schema). Only skills of
 * credentials that verified count; revoked, expired or otherwise failing credentials are listed in `notCounted`
 * with their reason. Skills are compared by code: SFIA by code and level (1-7), ESCO by concept URI, UK Essential
 * Digital Skills by `EDS-*` code. A requirement is `met` when a credential covers it at or above the minimum
 * level, `partly-met` when only below it (or at an unstated level), `missing` otherwise.
 *
 * @example
 * const report = await verify(passport, { challenge, domain });
 * const match = matchRequirements(report, socAnalystJob);
 * match.allRequiredMet; // true when every required skill is met
 * match.requirements.map((r) => `${r.requirement.code}: ${r.outcome}`); // ['SCTY: met', 'NTAS: missing']
 */
export function matchRequirements(
  input: VerificationReport | MatchableCredential[],
  job: JobRequirements,
): MatchResult {
  const checked = validate('job-requirements', job);
  if (!checked.valid) {
    const list = checked.errors.map((error) => `${error.path || '/'}: ${error.message}`).join('; ');
    throw new PassportError(
      Codes.invalidOptions,
      `The job requirements are not valid: ${list}`,
      checked.errors,
    );
  }
  const { counted, notCounted } = countedCredentials(input);
  const requirements = job.requirements.map((requirement) => matchOne(requirement, counted));
  let earned = 0;
  let possible = 0;
  for (const match of requirements) {
    const weight = WEIGHT[match.requirement.importance];
    possible += weight;
    earned += weight * CREDIT[match.outcome];
  }
  return {
    title: job.title,
    allRequiredMet: requirements.every(
      (match) => match.requirement.importance !== 'required' || match.outcome === 'met',
    ),
    score: possible === 0 ? 0 : Math.round((earned / possible) * 100),
    requirements,
    counted: counted.length,
    notCounted,
  };
}

function matchOne(requirement: SkillRequirement, credentials: MatchableCredential[]): RequirementMatch {
  const evidence: SkillEvidence[] = [];
  for (const credential of credentials) {
    for (const skill of credential.summary.skills) {
      if (!covers(requirement, skill)) continue;
      const item: SkillEvidence = { skill };
      const { summary } = credential;
      if (summary.id) item.credentialId = summary.id;
      if (summary.achievement?.name) item.achievement = summary.achievement.name;
      const issuer = summary.issuer?.name ?? summary.issuer?.id;
      if (issuer) item.issuer = issuer;
      const level = sfiaLevel(skill.level);
      if (requirement.framework === 'SFIA' && level !== undefined) item.level = level;
      evidence.push(item);
    }
  }
  evidence.sort((a, b) => (b.level ?? 0) - (a.level ?? 0));
  const match: RequirementMatch = { requirement, outcome: 'missing', evidence };
  if (evidence.length === 0) return match;
  const bestLevel = evidence[0]?.level;
  if (bestLevel !== undefined) match.bestLevel = bestLevel;
  const minimum = requirement.minimumLevel;
  match.outcome =
    minimum === undefined || (bestLevel !== undefined && bestLevel >= minimum) ? 'met' : 'partly-met';
  return match;
}

/** Whether a credential's skill is the required one, compared by each framework's identifier. */
function covers(requirement: SkillRequirement, skill: SkillSummary): boolean {
  if (skill.framework !== requirement.framework) return false;
  if (requirement.framework === 'ESCO') {
    const wanted = escoKey(requirement.code);
    return [skill.code, skill.url].some((value) => value !== undefined && escoKey(value) === wanted);
  }
  return skill.code.trim().toUpperCase() === requirement.code.trim().toUpperCase();
}

/** ESCO concept URIs are written with http or https and sometimes a trailing slash; the concept is the same. */
function escoKey(uri: string): string {
  return uri
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
}

function sfiaLevel(level: string | undefined): number | undefined {
  if (level === undefined || !/^[1-7]$/.test(level.trim())) return undefined;
  return Number(level.trim());
}
