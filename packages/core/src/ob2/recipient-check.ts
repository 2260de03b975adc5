import { Codes } from '../codes.js';
import {
  compareIdentity,
  type ExpectedRecipient,
  hashAlgorithmOf,
  isHashedIdentity,
} from '../verify/identity-hash.js';
import { type CheckResult, result } from '../verify/report.js';
import { type Json, objectOf, stringOf } from './ob2-assertion.js';

export type { ExpectedRecipient } from '../verify/identity-hash.js';

/**
 * The OB 2.0 `recipient` check. Without an expected identity it only reports the recipient's type and whether it
 * is hashed (`recipient-not-checked`, skip); with one, it hashes the expected identity with the assertion's salt
 * (`sha256$…` or `md5$…`) or compares it plainly (emails case-insensitively) and passes or fails. The comparison
 * itself is shared with the OB 3.0 identifier check (verify/identity-hash.ts).
 *
 * @example
 * checkRecipient({ type: 'email', hashed: true, salt: 'x', identity: 'sha256$…' }, { identity: 'sam@example.org' }).code;
 * // 'recipient-ok' or 'recipient-mismatch'
 */
export function checkRecipient(
  recipient: unknown,
  expected: ExpectedRecipient | string | undefined,
): CheckResult {
  const identity = objectOf(recipient) ?? ({} as Json);
  const type = stringOf(identity.type) ?? 'unknown';
  const stored = {
    value: stringOf(identity.identity) ?? '',
    hashed: identity.hashed === true,
    email: type === 'email',
    ...(stringOf(identity.salt) ? { salt: stringOf(identity.salt) } : {}),
  };
  const algorithm = hashAlgorithmOf(stored.value);
  const hashed = isHashedIdentity(stored);
  const described = `an ${type} identity${hashed ? ` (hashed${algorithm ? ` with ${algorithm}` : ''})` : ''}`;
  const wanted = typeof expected === 'string' ? { identity: expected } : expected;
  if (!wanted) {
    return result(
      'recipient',
      'skip',
      Codes.recipientNotChecked,
      `Issued to ${described}; no identity was given to compare.`,
    );
  }
  if (wanted.type !== undefined && wanted.type !== type) {
    return result(
      'recipient',
      'fail',
      Codes.recipientMismatch,
      `The badge was issued to ${described}, not to a ${wanted.type}.`,
    );
  }
  const comparison = compareIdentity(stored, wanted.identity);
  if (comparison.outcome === 'unsupported') {
    return result(
      'recipient',
      'warn',
      Codes.recipientHashUnsupported,
      `The recipient is hashed with ${algorithm ?? 'an unnamed algorithm'}, which cannot be compared.`,
    );
  }
  if (comparison.outcome === 'match') {
    return result(
      'recipient',
      'pass',
      Codes.recipientOk,
      hashed
        ? `Issued to ${wanted.identity} (matched the ${algorithm} hash).`
        : `Issued to ${wanted.identity}.`,
    );
  }
  return result(
    'recipient',
    'fail',
    Codes.recipientMismatch,
    hashed
      ? `The badge was issued to another ${type}: the ${algorithm} hash differs.`
      : `The badge was issued to another ${type}.`,
  );
}
