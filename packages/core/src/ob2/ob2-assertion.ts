/** A parsed JSON object, as OB 2.0 documents are read here (plain JSON, no JSON-LD processing). */
export type Json = Record<string, unknown>;

/** The JSON-LD contexts an OB 2.0 document names (the canonical one and its published file). */
export const OB2_CONTEXTS: ReadonlySet<string> = new Set([
  'https://w3id.org/openbadges/v2',
  'https://w3id.org/openbadges/v2/',
  'https://openbadgespec.org/v2/context.json',
]);

/**
 * Is this object an Open Badges 2.0 assertion? It names the OB 2.0 context, or is typed `Assertion` (the OB 2.0
 * class; OB 3.0 credentials are typed `VerifiableCredential`).
 *
 * @example
 * isOb2Assertion({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' }); // true
 */
export function isOb2Assertion(document: Json): boolean {
  const contexts = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
  if (contexts.some((context) => typeof context === 'string' && OB2_CONTEXTS.has(context))) return true;
  return typesOf(document).includes('Assertion');
}

/**
 * How an assertion says it is verified: `hosted` (`hosted` / `HostedBadge`), `signed` (`signed` / `SignedBadge`)
 * or `undefined` when it does not say.
 *
 * @example
 * verificationTypeOf({ verification: { type: 'HostedBadge' } }); // 'hosted'
 */
export function verificationTypeOf(assertion: Json): 'hosted' | 'signed' | undefined {
  const verification = objectOf(assertion.verification);
  const type = verification ? typesOf(verification) : [];
  if (type.some((name) => name === 'hosted' || name === 'HostedBadge')) return 'hosted';
  if (type.some((name) => name === 'signed' || name === 'SignedBadge')) return 'signed';
  return undefined;
}

/**
 * Why an assertion is unusable, or `undefined`: the OB 2.0 required properties `id`, `badge`, `recipient`
 * and `issuedOn` must be there before anything else is checked.
 *
 * @example
 * assertionProblemOf({ id: 'https://x.example/a/1' }); // 'The assertion has no badge.'
 */
export function assertionProblemOf(assertion: Json): string | undefined {
  if (typeof assertion.id !== 'string' || assertion.id === '') return 'The assertion has no id.';
  if (typeof assertion.badge !== 'string' && !objectOf(assertion.badge)) return 'The assertion has no badge.';
  if (!objectOf(assertion.recipient)) return 'The assertion has no recipient.';
  if (assertion.issuedOn === undefined) return 'The assertion has no issuedOn date.';
  return undefined;
}

/** The `type` property as a list of strings (OB 2.0 allows a string or an array). */
export function typesOf(document: Json): string[] {
  const type = document.type;
  const list = Array.isArray(type) ? type : [type];
  return list.filter((item): item is string => typeof item === 'string');
}

/** The value when it is a plain JSON object, else `undefined`. */
export function objectOf(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The value when it is a non-empty string, else `undefined`. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
