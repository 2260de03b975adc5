/**
 * The parts of the 1EdTech Open Badges 3.0 data model Skills Passport reads and writes. Hand-written from the
 * official JSON Schema; every OB object also allows further members, hence the index signatures.
 */

/**
 * An OB 3.0 `Profile`: an issuer, a vendor or another organisation or person.
 *
 * @example
 * ```ts
 * const issuer: Profile = { id: 'did:web:college.example', type: ['Profile'], name: 'Leeds City College' };
 * ```
 */
export interface Profile {
  id: string;
  type: string[];
  name?: string;
  url?: string;
  email?: string;
  [member: string]: unknown;
}

/**
 * An OB 3.0 `Alignment` to a framework skill, with our `skillLevel` extension (the SFIA level, 1-7).
 *
 * @example
 * ```ts
 * const alignment: Alignment = {
 *   type: ['Alignment'], targetName: 'SFIA SCTY level 2', targetUrl: 'https://sfia-online.org/en/shortcode/9/SCTY',
 *   targetCode: 'SCTY', targetFramework: 'SFIA 9', skillLevel: 2,
 * };
 * ```
 */
export interface Alignment {
  type: string[];
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: string;
  skillLevel?: number;
  [member: string]: unknown;
}

/**
 * An OB 3.0 `Criteria`: how the achievement is earned.
 *
 * @example
 * ```ts
 * const criteria: Criteria = { narrative: 'Completed all units and passed the online assessment.' };
 * ```
 */
export interface Criteria {
  id?: string;
  narrative?: string;
  [member: string]: unknown;
}

/**
 * An OB 3.0 `ResultDescription`: a kind of result the achievement can record, e.g. an assessment percentage.
 *
 * @example
 * ```ts
 * const rd: ResultDescription = { id: 'urn:uuid:…', type: ['ResultDescription'], name: 'Assessment', resultType: 'Percent' };
 * ```
 */
export interface ResultDescription {
  id: string;
  type: string[];
  name: string;
  resultType: string;
  valueMin?: string;
  valueMax?: string;
  requiredValue?: string;
  [member: string]: unknown;
}

/**
 * An OB 3.0 `Result`: the learner's result for one {@link ResultDescription}.
 *
 * @example
 * ```ts
 * const result: Result = { type: ['Result'], resultDescription: 'urn:uuid:…', value: '86' };
 * ```
 */
export interface Result {
  type: string[];
  resultDescription?: string;
  value?: string;
  status?: 'Completed' | 'Enrolled' | 'Failed' | 'InProgress' | 'OnHold' | 'Provisional' | 'Withdrew';
  achievedLevel?: string;
  [member: string]: unknown;
}

/**
 * An OB 3.0 `IdentityObject`: an identifier of the learner, plain or salted-and-hashed.
 *
 * @example
 * ```ts
 * const id: IdentityObject = { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: 'COMP001021234567' };
 * ```
 */
export interface IdentityObject {
  type: 'IdentityObject';
  identityType: string;
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

/**
 * An OB 3.0 `Achievement`.
 *
 * @example
 * ```ts
 * const achievement: Achievement = {
 *   id: 'urn:uuid:…', type: ['Achievement'], name: 'Cyber security essentials',
 *   description: 'Protecting devices and data at work.', criteria: { narrative: 'Passed the assessment.' },
 * };
 * ```
 */
export interface Achievement {
  id: string;
  type: string[];
  name: string;
  description: string;
  criteria: Criteria;
  achievementType?: string;
  alignment?: Alignment[];
  creator?: Profile;
  creditsAvailable?: number;
  humanCode?: string;
  resultDescription?: ResultDescription[];
  [member: string]: unknown;
}

/**
 * An OB 3.0 `AchievementSubject`: the learner and what they achieved.
 *
 * @example
 * ```ts
 * const subject: AchievementSubject = { id: 'did:key:z6Mk…', type: ['AchievementSubject'], achievement };
 * ```
 */
export interface AchievementSubject {
  id?: string;
  type: string[];
  achievement: Achievement;
  name?: string;
  identifier?: IdentityObject[];
  result?: Result[];
  [member: string]: unknown;
}

/**
 * A `credentialSchema` entry.
 *
 * @example
 * ```ts
 * const entry: CredentialSchemaEntry = { id: schemaIdFor('micro-module'), type: '1EdTechJsonSchemaValidator2019' };
 * ```
 */
export interface CredentialSchemaEntry {
  id: string;
  type: string;
}

/**
 * An OB 3.0 `OpenBadgeCredential` (VC Data Model 2.0), signed or not.
 *
 * @example
 * ```ts
 * const { valid } = validate('open-badge-credential', credential satisfies OpenBadgeCredential);
 * ```
 */
export interface OpenBadgeCredential {
  '@context': (string | Record<string, unknown>)[];
  id: string;
  type: string[];
  name?: string;
  issuer: string | Profile;
  validFrom: string;
  validUntil?: string;
  awardedDate?: string;
  credentialSubject: AchievementSubject;
  credentialSchema?: CredentialSchemaEntry[];
  credentialStatus?: Record<string, unknown> | Record<string, unknown>[];
  proof?: Record<string, unknown> | Record<string, unknown>[];
  [member: string]: unknown;
}
