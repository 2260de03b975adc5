import { Codes } from '../codes.js';
import { compareIdentity, type ExpectedRecipient, type IdentityComparison } from './identity-hash.js';
import { type CheckResult, result } from './report.js';

type Json = Record<string, unknown>;

/** One OB 3.0 `IdentityObject` from `credentialSubject.identifier`. */
interface IdentityObject {
  identityType: string;
  identityHash: string;
  hashed: boolean;
  salt?: string;
}

/** OB 2.0 identity type names an employer may pass, in their OB 3.0 spelling. */
const OB3_TYPE_OF: Record<string, string> = { email: 'emailAddress', telephone: 'phone' };

/**
 * The OB 3.0 recipient check against `credentialSubject.identifier` (a list of `IdentityObject`s, each a plain or
 * hashed `identityHash` with an optional `salt`). Returns `undefined`, adding no check, when the credential has no
 * identifier and no identity was asked for: most credentials name their learner by DID only, and a `skip` on
 * every one of them would be noise. Otherwise:
 * - no expected identity: `skip` (`recipient-not-checked`), describing the identifiers;
 * - any identifier of the wanted type matches (or the identity is the subject's `id`): `pass` (`recipient-ok`);
 * - identifiers that could be compared all differ: `fail` (`recipient-mismatch`);
 * - only identifiers hashed with an unsupported algorithm: `warn` (`recipient-hash-unsupported`);
 * - an identity was asked for but the credential names none to compare: `skip` (`recipient-not-checked`), since
 *   that is "could not check", not proof of another recipient.
 *
 * @example
 * checkIdentifierRecipient(credential, 'Sam.Taylor@example.org')?.code; // 'recipient-ok' or 'recipient-mismatch'
 */
export function checkIdentifierRecipient(
  credential: Json,
  expected: ExpectedRecipient | string | undefined,
): CheckResult | undefined {
  const subjects = subjectsOf(credential);
  const identifiers = subjects.flatMap((subject) => identifiersOf(subject.identifier));
  const wanted = typeof expected === 'string' ? { identity: expected } : expected;
  if (!wanted) {
    if (identifiers.length === 0) return undefined;
    return result(
      'recipient',
      'skip',
      Codes.recipientNotChecked,
      `Issued to ${describe(identifiers)}; no identity was given to compare.`,
    );
  }
  const identity = wanted.identity.trim();
  if (subjects.some((subject) => subject.id === identity)) {
    return result('recipient', 'pass', Codes.recipientOk, `Issued to ${identity} (the subject's id).`);
  }
  const wantedType = wanted.type === undefined ? undefined : (OB3_TYPE_OF[wanted.type] ?? wanted.type);
  const candidates = wantedType
    ? identifiers.filter((identifier) => identifier.identityType === wantedType)
    : identifiers;
  if (identifiers.length === 0) {
    return result(
      'recipient',
      'skip',
      Codes.recipientNotChecked,
      'The credential names no recipient identifier (credentialSubject.identifier) to compare the identity with.',
    );
  }
  if (candidates.length === 0) {
    return result(
      'recipient',
      'fail',
      Codes.recipientMismatch,
      `The credential was issued to ${describe(identifiers)}, not to a ${wantedType}.`,
    );
  }
  const comparisons = candidates.map((identifier) => ({
    identifier,
    comparison: compare(identifier, identity),
  }));
  const match = comparisons.find((entry) => entry.comparison.outcome === 'match');
  if (match) {
    const how = match.comparison.hashed ? ` (matched the ${match.comparison.algorithm} hash)` : '';
    return result('recipient', 'pass', Codes.recipientOk, `Issued to ${identity}${how}.`);
  }
  if (comparisons.every((entry) => entry.comparison.outcome === 'unsupported')) {
    const algorithm = comparisons[0]?.comparison.algorithm ?? 'an unnamed algorithm';
    return result(
      'recipient',
      'warn',
      Codes.recipientHashUnsupported,
      `The recipient identifier is hashed with ${algorithm}, which cannot be compared.`,
    );
  }
  return result(
    'recipient',
    'fail',
    Codes.recipientMismatch,
    `The credential was issued to another recipient: none of ${describe(candidates)} matches.`,
  );
}

function compare(identifier: IdentityObject, identity: string): IdentityComparison {
  return compareIdentity(
    {
      value: identifier.identityHash,
      hashed: identifier.hashed,
      email: identifier.identityType === 'emailAddress',
      ...(identifier.salt !== undefined ? { salt: identifier.salt } : {}),
    },
    identity,
  );
}

function subjectsOf(credential: Json): Json[] {
  const subject = credential.credentialSubject;
  return (Array.isArray(subject) ? subject : [subject]).filter(
    (item): item is Json => !!item && typeof item === 'object' && !Array.isArray(item),
  );
}

/** The well-formed IdentityObjects of an `identifier` value (one object or a list); others are ignored. */
function identifiersOf(value: unknown): IdentityObject[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found: IdentityObject[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const { identityType, identityHash, hashed, salt } = item as Json;
    if (typeof identityType !== 'string' || typeof identityHash !== 'string') continue;
    found.push({
      identityType,
      identityHash,
      hashed: hashed === true,
      ...(typeof salt === 'string' ? { salt } : {}),
    });
  }
  return found;
}

function describe(identifiers: IdentityObject[]): string {
  const kinds = identifiers.map(
    (identifier) => `${identifier.hashed ? 'a hashed' : 'an'} ${identifier.identityType} identifier`,
  );
  return [...new Set(kinds)].join(', ');
}
