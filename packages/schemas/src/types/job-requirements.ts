/**
 * A skills framework Skills Passport recognises: SFIA, ESCO or UK Essential Digital Skills.
 *
 * @example
 * ```ts
 * const framework: SkillFramework = 'UK-EDS';
 * ```
 */
export type SkillFramework = 'SFIA' | 'ESCO' | 'UK-EDS';

/**
 * One skill a role needs. `code` is the SFIA code (`SCTY`), the ESCO concept URI or the UK EDS code
 * (`EDS-SAFE-LEGAL`); `minimumLevel` (1-7) only applies to SFIA.
 *
 * @example
 * ```ts
 * const need: SkillRequirement = { framework: 'SFIA', code: 'SCTY', minimumLevel: 3, importance: 'required' };
 * ```
 */
export interface SkillRequirement {
  framework: SkillFramework;
  code: string;
  name?: string;
  minimumLevel?: number;
  importance: 'required' | 'desirable';
}

/**
 * A role's requirements (schema kind `job-requirements`).
 *
 * @example
 * ```ts
 * const role: JobRequirements = { title: 'SOC analyst', openings: 2, areaCode: 'E08000035', requirements: [need] };
 * ```
 */
export interface JobRequirements {
  title: string;
  openings?: number;
  areaCode?: string;
  requirements: SkillRequirement[];
}
