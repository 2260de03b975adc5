import { createHash, timingSafeEqual } from 'node:crypto';
import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import { type Json, objectOf, stringOf } from './ob2-assertion.js';

/** The identity an employer knows the candidate by: an email (the common case), a URL or a telephone number. */
export interface ExpectedRecipient {
  identity: string;
  /** OB 2.0 identity type (`email`, `url`, `telephone`); when given it must match the assertion's. */
  type?: string;
}

const HASHES: Record<string, string> = { sha256: 'sha256', md5: 'md5' };

/**
 * The OB 2.0 `recipient` check. Without an expected identity it only reports the recipient's type and whether it
 * is hashed (`recipient-not-checked`, skip); with one, it hashes the expected identity with the assertion's salt
 * (`sha256$…` or `md5$…`) or compares it plainly (emails case-insensitively) and passes or fails.
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
  const stored = stringOf(identity.identity) ?? '';
  const algorithm = /^([a-z0-9]+)\$/i.exec(stored)?.[1]?.toLowerCase();
  const hashed = identity.hashed === true || (algorithm !== undefined && algorithm in HASHES);
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
  const candidates =
    type === 'email'
      ? [wanted.identity.trim(), wanted.identity.trim().toLowerCase()]
      : [wanted.identity.trim()];
  if (!hashed) {
    const same =
      type === 'email' ? stored.trim().toLowerCase() === candidates[1] : stored.trim() === candidates[0];
    return same
      ? result('recipient', 'pass', Codes.recipientOk, `Issued to ${wanted.identity}.`)
      : result('recipient', 'fail', Codes.recipientMismatch, `The badge was issued to another ${type}.`);
  }
  const hash = algorithm ? HASHES[algorithm] : undefined;
  if (!hash) {
    return result(
      'recipient',
      'warn',
      Codes.recipientHashUnsupported,
      `The recipient is hashed with ${algorithm ?? 'an unnamed algorithm'}, which cannot be compared.`,
    );
  }
  const digest = stored.slice(algorithm!.length + 1).toLowerCase();
  const salt = stringOf(identity.salt) ?? '';
  const matched = candidates.some((candidate) =>
    sameHex(
      createHash(hash)
        .update(candidate + salt)
        .digest('hex'),
      digest,
    ),
  );
  return matched
    ? result(
        'recipient',
        'pass',
        Codes.recipientOk,
        `Issued to ${wanted.identity} (matched the ${algorithm} hash).`,
      )
    : result(
        'recipient',
        'fail',
        Codes.recipientMismatch,
        `The badge was issued to another ${type}: the ${algorithm} hash differs.`,
      );
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
