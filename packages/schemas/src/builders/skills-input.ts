import type { SchemaError } from '../schema-error.js';
import { alignmentForSkill, parseSkillReference, type SkillReference } from '../skill-reference.js';
import type { Alignment } from '../types/open-badges.js';

/**
 * Skills as builders accept them: one CSV cell (`SFIA:SCTY:2;ESCO:<uri>`), or a list of references as text
 * or already parsed.
 *
 * @example
 * ```ts
 * const skills: SkillsInput = ['SFIA:SCTY:2', { framework: 'UK-EDS', code: 'EDS-SAFE-LEGAL' }];
 * ```
 */
export type SkillsInput = string | readonly (string | SkillReference)[];

/** Alignments for every readable skill, and an error at `/skills/<n>` for each one that is not. */
export function alignmentsFromSkills(skills: SkillsInput): {
  alignments: Alignment[];
  errors: SchemaError[];
} {
  const entries =
    typeof skills === 'string' ? skills.split(';').filter((entry) => entry.trim() !== '') : skills;
  const alignments: Alignment[] = [];
  const errors: SchemaError[] = [];
  entries.forEach((entry, index) => {
    const skill = typeof entry === 'string' ? parseSkillReference(entry) : entry;
    if (skill === undefined) {
      errors.push({
        path: `/skills/${index}`,
        message: `${JSON.stringify(entry)} is not a skill reference like SFIA:SCTY:2, ESCO:<concept URI> or UK-EDS:EDS-SAFE-LEGAL`,
      });
      return;
    }
    alignments.push(alignmentForSkill(skill));
  });
  return { alignments, errors };
}
