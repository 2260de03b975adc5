import { createHash, timingSafeEqual } from 'node:crypto';

/** The identity an employer knows the candidate by: an email (the common case), a URL or a telephone number. */
export interface ExpectedRecipient {
  identity: string;
  /**
   * The identity type; when given it must match the credential's. OB 2.0 names (`email`, `url`, `telephone`) and
   * OB 3.0 names (`emailAddress`, `url`, `phone`, `sisSourcedId`, …) are both understood.
   */
  type?: string;
}

/** A recipient identity as a credential stores it: plain, or `<algorithm>$<hex digest>` of identity + salt. */
export interface StoredIdentity {
  /** The stored value: the plain identity or an identity hash such as `sha256$…`. */
  value: string;
  /** The credential says the value is hashed (a `sha256$`/`md5$` prefix also counts as hashed). */
  hashed: boolean;
  salt?: string;
  /** Emails compare case-insensitively (plain, and hashed as written or lower-cased). */
  email: boolean;
}

/** How an expected identity compares with a stored one. */
export type IdentityComparison =
  | { outcome: 'match' | 'mismatch'; hashed: boolean; algorithm?: string }
  | { outcome: 'unsupported'; hashed: true; algorithm?: string };

const HASHES: Record<string, string> = { sha256: 'sha256', md5: 'md5' };

/**
 * The hash algorithm an identity hash names (`sha256$…` → `sha256`), lower-cased; `undefined` when it has none.
 *
 * @example
 * hashAlgorithmOf('sha256$ab12…'); // 'sha256'
 * hashAlgorithmOf('sam@example.org'); // undefined
 */
export function hashAlgorithmOf(value: string): string | undefined {
  return /^([a-z0-9]+)\$/i.exec(value)?.[1]?.toLowerCase();
}

/**
 * Whether a stored identity is hashed: declared so, or written with a supported `<algorithm>$` prefix.
 *
 * @example
 * isHashedIdentity({ value: 'md5$9f…', hashed: false, email: true }); // true
 */
export function isHashedIdentity(stored: Pick<StoredIdentity, 'value' | 'hashed'>): boolean {
  const algorithm = hashAlgorithmOf(stored.value);
  return stored.hashed || (algorithm !== undefined && algorithm in HASHES);
}

/**
 * Compares the identity an employer expects with the one a badge stores, the same way for OB 2.0 `recipient` and
 * OB 3.0 `credentialSubject.identifier`: hashed values are recomputed with the stored salt (`sha256` or `md5`,
 * digest compared in constant time), plain ones compared directly; emails case-insensitively in both cases.
 *
 * @example
 * compareIdentity({ value: 'sha256$…', hashed: true, salt: 'x', email: true }, 'Sam@Example.org').outcome;
 * // 'match' or 'mismatch'
 */
export function compareIdentity(stored: StoredIdentity, expected: string): IdentityComparison {
  const wanted = expected.trim();
  const candidates = stored.email ? [wanted, wanted.toLowerCase()] : [wanted];
  const algorithm = hashAlgorithmOf(stored.value);
  if (!isHashedIdentity(stored)) {
    const same = stored.email
      ? stored.value.trim().toLowerCase() === wanted.toLowerCase()
      : stored.value.trim() === wanted;
    return { outcome: same ? 'match' : 'mismatch', hashed: false };
  }
  const hash = algorithm ? HASHES[algorithm] : undefined;
  if (!hash) return { outcome: 'unsupported', hashed: true, ...(algorithm ? { algorithm } : {}) };
  const digest = stored.value.slice(algorithm!.length + 1).toLowerCase();
  const salt = stored.salt ?? '';
  const matched = candidates.some((candidate) =>
    sameHex(
      createHash(hash)
        .update(candidate + salt)
        .digest('hex'),
      digest,
    ),
  );
  return { outcome: matched ? 'match' : 'mismatch', hashed: true, algorithm: algorithm! };
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
