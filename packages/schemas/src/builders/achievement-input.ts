import type { SchemaError } from '../schema-error.js';
import type { Achievement } from '../types/open-badges.js';
import { newUrn } from './credential-envelope.js';
import type { InputFieldMap } from './input-paths.js';
import { alignmentsFromSkills, type SkillsInput } from './skills-input.js';

/**
 * The achievement columns every credential builder shares: what was achieved, how, and which skills it shows.
 *
 * @example
 * ```ts
 * const row: AchievementInput = {
 *   achievementName: 'Cyber security essentials', achievementDescription: 'Protecting devices and data at work.',
 *   criteria: 'Completed all four units and passed the end-of-module assessment.', skills: 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL',
 * };
 * ```
 */
export interface AchievementInput {
  /**
   * The achievement's id: the same for every learner who completes the same module, e.g. the module's page URL.
   * Defaults to a fresh `urn:uuid:`, which makes each credential's achievement look distinct.
   */
  achievementId?: string;
  achievementName: string;
  achievementDescription: string;
  /** How the achievement is earned (OB `criteria.narrative`, Markdown allowed). */
  criteria: string;
  /** A web page describing the criteria (OB `criteria.id`). */
  criteriaUrl?: string;
  /** `SFIA:SCTY:3; ESCO:<concept URI>; UK-EDS:EDS-SAFE-LEGAL`, or a list of such references. */
  skills: SkillsInput;
}

/** Where each {@link AchievementInput} field lands in a credential. */
export const ACHIEVEMENT_FIELD_PATHS: InputFieldMap = [
  ['/credentialSubject/achievement/id', 'achievementId'],
  ['/credentialSubject/achievement/name', 'achievementName'],
  ['/credentialSubject/achievement/description', 'achievementDescription'],
  ['/credentialSubject/achievement/criteria', 'criteria'],
  ['/credentialSubject/achievement/criteria/id', 'criteriaUrl'],
  ['/credentialSubject/achievement/alignment', 'skills'],
];

/** The OB `Achievement` members common to every profile, and any skill reference that could not be read. */
export function achievementCore(input: AchievementInput): {
  achievement: Omit<Achievement, 'criteria'> & { criteria?: Achievement['criteria'] };
  errors: SchemaError[];
} {
  const { alignments, errors } =
    input.skills === undefined ? { alignments: [], errors: [] } : alignmentsFromSkills(input.skills);
  return {
    achievement: {
      id: input.achievementId ?? newUrn(),
      type: ['Achievement'],
      name: input.achievementName,
      description: input.achievementDescription,
      // No criteria at all is left absent (not `{}`) so the schema reports it as missing.
      ...(input.criteria === undefined && input.criteriaUrl === undefined
        ? {}
        : {
            criteria: {
              ...(input.criteriaUrl === undefined ? {} : { id: input.criteriaUrl }),
              ...(input.criteria === undefined ? {} : { narrative: input.criteria }),
            },
          }),
      alignment: alignments,
    },
    errors,
  };
}
