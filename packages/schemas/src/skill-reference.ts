import type { SkillFramework } from './types/job-requirements.js';
import type { Alignment } from './types/open-badges.js';

/**
 * A skill in a recognised framework, as read from `SFIA:SCTY:2`, `ESCO:<concept URI>` or `UK-EDS:EDS-SAFE-LEGAL`.
 *
 * @example
 * ```ts
 * const skill: SkillReference = { framework: 'SFIA', code: 'SCTY', level: 2 };
 * ```
 */
export interface SkillReference {
  framework: SkillFramework;
  code: string;
  /** SFIA level 1-7; required for SFIA, absent otherwise. */
  level?: number;
  /** Display name; defaults are derived from the code (never SFIA descriptive text). */
  name?: string;
}

/**
 * The skill areas of the UK Essential Digital Skills framework (DfE, 2018; Open Government Licence). The
 * framework publishes names but no codes, so these `EDS-*` codes are Skills Passport's stable identifiers.
 *
 * @example
 * ```ts
 * ESSENTIAL_DIGITAL_SKILLS['EDS-SAFE-LEGAL']; // 'Being safe and legal online'
 * ```
 */
export const ESSENTIAL_DIGITAL_SKILLS: Readonly<Record<string, string>> = Object.freeze({
  'EDS-FOUNDATION': 'Foundation skills',
  'EDS-COMMUNICATING': 'Communicating',
  'EDS-HANDLING-INFORMATION': 'Handling information and content',
  'EDS-TRANSACTING': 'Transacting',
  'EDS-PROBLEM-SOLVING': 'Problem solving',
  'EDS-SAFE-LEGAL': 'Being safe and legal online',
});

// Framework names and URLs the alignments carry; the schemas recognise a framework by either.
const SFIA_FRAMEWORK_NAME = 'SFIA 9';
const SFIA_SHORTCODE_URL = 'https://sfia-online.org/en/shortcode/9/';
const ESCO_FRAMEWORK_NAME = 'ESCO';
const ESSENTIAL_DIGITAL_SKILLS_FRAMEWORK_NAME = 'UK Essential Digital Skills';
const ESSENTIAL_DIGITAL_SKILLS_URL =
  'https://www.gov.uk/government/publications/essential-digital-skills-framework';

const FRAMEWORK_ALIASES: Readonly<Record<string, SkillFramework>> = {
  SFIA: 'SFIA',
  ESCO: 'ESCO',
  'UK-EDS': 'UK-EDS',
  UKEDS: 'UK-EDS',
  EDS: 'UK-EDS',
};

const ESCO_URI = /^https?:\/\/data\.europa\.eu\/esco\/[A-Za-z0-9/._-]+$/;

/**
 * Reads one skill reference as written in a provider's CSV: `SFIA:<code>:<level>`, `ESCO:<concept URI>` or
 * `UK-EDS:<EDS code>` (`EDS:` also accepted). Returns `undefined` for anything else, so callers can report
 * which cell was wrong.
 *
 * @example
 * ```ts
 * parseSkillReference('SFIA:SCTY:2'); // { framework: 'SFIA', code: 'SCTY', level: 2 }
 * parseSkillReference('ESCO:http://data.europa.eu/esco/skill/…'); // { framework: 'ESCO', code: 'http://…' }
 * parseSkillReference('SFIA:SCTY'); // undefined: SFIA needs a level
 * ```
 */
export function parseSkillReference(text: string): SkillReference | undefined {
  const trimmed = text.trim();
  const separator = trimmed.indexOf(':');
  if (separator < 0) return undefined;
  const framework = FRAMEWORK_ALIASES[trimmed.slice(0, separator).trim().toUpperCase()];
  const rest = trimmed.slice(separator + 1).trim();
  switch (framework) {
    case 'SFIA': {
      const match = /^([A-Za-z]{4}):([1-7])$/.exec(rest);
      if (!match?.[1] || !match[2]) return undefined;
      return { framework, code: match[1].toUpperCase(), level: Number(match[2]) };
    }
    case 'ESCO':
      return ESCO_URI.test(rest) ? { framework, code: rest } : undefined;
    case 'UK-EDS': {
      const code = rest.toUpperCase();
      return ESSENTIAL_DIGITAL_SKILLS[code] ? { framework, code } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Reads a `;`-separated list of skill references (one CSV cell). Each entry is parsed with
 * {@link parseSkillReference}; unreadable entries come back as `undefined` in their position.
 *
 * @example
 * ```ts
 * parseSkillReferences('SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL').length; // 2
 * ```
 */
export function parseSkillReferences(cell: string): (SkillReference | undefined)[] {
  return cell
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map(parseSkillReference);
}

/**
 * The OB 3.0 `Alignment` for a skill reference: code, framework name and URL, and for SFIA the level in our
 * `skillLevel` extension. SFIA alignments carry only code and level, never SFIA's licensed descriptive text.
 *
 * @example
 * ```ts
 * alignmentForSkill({ framework: 'SFIA', code: 'SCTY', level: 2 });
 * // { type: ['Alignment'], targetName: 'SFIA SCTY level 2', targetCode: 'SCTY', skillLevel: 2, targetFramework: 'SFIA 9', ... }
 * ```
 */
export function alignmentForSkill(skill: SkillReference): Alignment {
  switch (skill.framework) {
    case 'SFIA':
      return {
        type: ['Alignment'],
        targetName:
          skill.name ?? `SFIA ${skill.code}${skill.level === undefined ? '' : ` level ${skill.level}`}`,
        targetUrl: `${SFIA_SHORTCODE_URL}${skill.code}`,
        targetCode: skill.code,
        targetFramework: SFIA_FRAMEWORK_NAME,
        targetType: 'ext:SFIASkill',
        ...(skill.level === undefined ? {} : { skillLevel: skill.level }),
      };
    case 'ESCO':
      return {
        type: ['Alignment'],
        targetName: skill.name ?? `ESCO skill ${skill.code.split('/').pop() ?? skill.code}`,
        targetUrl: skill.code,
        targetCode: skill.code,
        targetFramework: ESCO_FRAMEWORK_NAME,
        targetType: 'ext:ESCOSkill',
      };
    case 'UK-EDS':
      return {
        type: ['Alignment'],
        targetName: skill.name ?? ESSENTIAL_DIGITAL_SKILLS[skill.code] ?? skill.code,
        targetUrl: ESSENTIAL_DIGITAL_SKILLS_URL,
        targetCode: skill.code,
        targetFramework: ESSENTIAL_DIGITAL_SKILLS_FRAMEWORK_NAME,
        targetType: 'ext:EssentialDigitalSkill',
      };
  }
}
