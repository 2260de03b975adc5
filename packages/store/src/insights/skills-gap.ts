import { skillKey, splitSkillKey } from './aggregate-issuances.js';
import { type DemandProfile, openingsOf } from './demand-profile.js';
import type { DemandSummary, InsightsReport, SkillGap } from './insights-report.js';

/**
 * Sets demand (openings per skill, from job-requirements profiles) against the report's published supply.
 * A skill's demand counts every opening whose job lists it (required or desirable); supply is the skill's
 * published credential count; the gap is demand minus supply (an upper bound when supply is `partial`,
 * unknown when it is suppressed). Demand is public information, so it is never suppressed.
 *
 * @example
 * const withDemand = skillsGap(report, demand);
 * withDemand.demand?.skills[0]; // { key: 'SFIA:SCTY', demand: 40, supply: 12, gap: 28, ... }
 */
export function skillsGap(report: InsightsReport, demand: DemandProfile): InsightsReport {
  const wanted = new Map<string, { demand: number; required: number; name?: string }>();
  let openings = 0;
  for (const job of demand.jobs) {
    const count = openingsOf(job);
    openings += count;
    const seen = new Set<string>();
    for (const requirement of job.requirements.requirements) {
      const key = skillKey(requirement.framework, requirement.code);
      // A job listing one skill twice (say at two levels) still has one opening per post.
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = wanted.get(key) ?? { demand: 0, required: 0 };
      entry.demand += count;
      if (requirement.importance === 'required') entry.required += count;
      if (requirement.name && !entry.name) entry.name = requirement.name;
      wanted.set(key, entry);
    }
  }
  const supply = new Map(report.bySkill.map((cell) => [cell.key, cell]));
  const keys = new Set([...wanted.keys(), ...supply.keys()]);
  const skills: SkillGap[] = [...keys].map((key) => {
    const want = wanted.get(key);
    const have = supply.get(key);
    const demandCount = want?.demand ?? 0;
    const supplyCount = have ? have.credentials : 0;
    return {
      key,
      ...splitSkillKey(key),
      ...(want?.name ? { name: want.name } : {}),
      demand: demandCount,
      requiredDemand: want?.required ?? 0,
      supply: supplyCount,
      supplyStatus: have?.status ?? 'published',
      gap: supplyCount === null ? null : demandCount - supplyCount,
    };
  });
  skills.sort(
    (a, b) =>
      (b.gap ?? Number.NEGATIVE_INFINITY) - (a.gap ?? Number.NEGATIVE_INFINITY) ||
      b.demand - a.demand ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const summary: DemandSummary = {
    area: demand.area ?? null,
    month: demand.month ?? null,
    openings,
    jobs: demand.jobs.length,
    skills,
  };
  return { ...report, demand: summary };
}
