import { createHash } from 'node:crypto';

/** Columns that identify the learner, in order of preference. */
const LEARNER_COLUMNS = ['learnerId', 'candidateId', 'learnerName'] as const;
/** Columns that identify the achievement, in order of preference. */
const ACHIEVEMENT_COLUMNS = ['achievementId', 'certificationCode', 'achievementName'] as const;

/**
 * The idempotency key of one CSV row: a hash of the issuer, the learner and the achievement, so re-running the
 * same (or a corrected, re-ordered) file never issues a learner the same achievement twice. A row naming
 * neither is keyed by all of its cells.
 *
 * @example
 * batchKeyOf('acme', { learnerId: 'did:key:z6Mk…', achievementName: 'Cyber basics' }); // 'sha256:3b1f…'
 */
export function batchKeyOf(issuerId: string, cells: Record<string, string>): string {
  const pick = (columns: readonly string[]) => columns.map((column) => cells[column]).find((value) => value);
  const learner = pick(LEARNER_COLUMNS);
  const achievement = pick(ACHIEVEMENT_COLUMNS);
  const material =
    learner && achievement
      ? [issuerId, learner, achievement]
      : [
          issuerId,
          ...Object.entries(cells)
            .sort(([a], [b]) => a.localeCompare(b))
            .flat(),
        ];
  return `sha256:${createHash('sha256').update(JSON.stringify(material)).digest('hex')}`;
}
