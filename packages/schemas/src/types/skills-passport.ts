/**
 * A VC 2.0 `EnvelopedVerifiableCredential`: a vc+jwt carried in a `data:` URL.
 *
 * @example
 * ```ts
 * const item: EnvelopedVerifiableCredential = { id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' };
 * ```
 */
export interface EnvelopedVerifiableCredential {
  '@context'?: string | string[];
  id: string;
  type: string | string[];
}

/**
 * One credential in a passport: an embedded JSON-LD credential, an enveloped vc+jwt, or a compact JWT string
 * (the VC 1.1 JWT form).
 *
 * @example
 * ```ts
 * const items: PassportCredential[] = [credential, { id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' }, jwt];
 * ```
 */
export type PassportCredential = Record<string, unknown> | EnvelopedVerifiableCredential | string;

/**
 * A learner's skills passport: a Verifiable Presentation (schema kind `skills-passport`).
 *
 * @example
 * ```ts
 * const passport: SkillsPassportPresentation = {
 *   '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'],
 *   holder: 'did:key:z6Mk…', verifiableCredential: [credential],
 * };
 * ```
 */
export interface SkillsPassportPresentation {
  '@context': (string | Record<string, unknown>)[];
  id?: string;
  type: string | string[];
  holder: string;
  verifiableCredential: PassportCredential[];
  proof?: Record<string, unknown> | Record<string, unknown>[];
  [member: string]: unknown;
}
