import { readSchemaFile } from './schema-files.js';

/**
 * URL of the Skills Passport JSON-LD context, which defines our extension terms (`notionalLearningHours`,
 * `digitalSkillsLevel`, `deliveryMode`, `learningOutcomes`, `skillLevel`, `renewal`...). It is never fetched:
 * document loaders serve {@link skillsPassportContext} for it.
 *
 * @example
 * ```ts
 * const context = ['https://www.w3.org/ns/credentials/v2', OPEN_BADGES_CONTEXT_URL, SKILLS_PASSPORT_CONTEXT_URL];
 * ```
 */
export const SKILLS_PASSPORT_CONTEXT_URL = 'https://skills-passport.org/contexts/v1.json';

/**
 * URL of the OB 3.0 JSON-LD context version our credentials use.
 *
 * @example
 * ```ts
 * credential['@context'][1] === OPEN_BADGES_CONTEXT_URL;
 * ```
 */
export const OPEN_BADGES_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/**
 * URL of the W3C VC Data Model 2.0 context, always first in `@context`.
 *
 * @example
 * ```ts
 * credential['@context'][0] === VC_V2_CONTEXT_URL;
 * ```
 */
export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';

/**
 * The `@context` every Skills Passport credential carries, in order: VC 2.0, OB 3.0.3, ours.
 *
 * @example
 * ```ts
 * const credential = { '@context': [...CREDENTIAL_CONTEXTS], type: ['VerifiableCredential', 'OpenBadgeCredential'] };
 * ```
 */
export const CREDENTIAL_CONTEXTS: readonly string[] = Object.freeze([
  VC_V2_CONTEXT_URL,
  OPEN_BADGES_CONTEXT_URL,
  SKILLS_PASSPORT_CONTEXT_URL,
]);

/**
 * A JSON-LD context document: an object with an `@context` member.
 *
 * @example
 * ```ts
 * const doc: JsonLdContextDocument = { '@context': { '@protected': true } };
 * ```
 */
export interface JsonLdContextDocument {
  '@context': Record<string, unknown>;
}

/**
 * The Skills Passport JSON-LD context document (the content of `schemas/context/v1.json`), for offline
 * document loaders to serve at {@link SKILLS_PASSPORT_CONTEXT_URL}. Frozen: it is shared.
 *
 * @example
 * ```ts
 * const documentLoader = async (url: string) =>
 *   url === SKILLS_PASSPORT_CONTEXT_URL
 *     ? { contextUrl: null, documentUrl: url, document: skillsPassportContext }
 *     : otherLoader(url);
 * ```
 */
export const skillsPassportContext: Readonly<JsonLdContextDocument> = deepFreeze(
  readSchemaFile('context/v1.json') as JsonLdContextDocument,
);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
