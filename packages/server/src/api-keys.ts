import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PassportError } from '@skills-passport/core';

/** One issuer's API key, kept only as its SHA-256 digest. */
interface KeyEntry {
  issuerId: string;
  digest: Buffer;
}

/**
 * The API keys that may issue and change status, one or more per issuer. Only SHA-256 digests are held, and a
 * presented key is compared against every digest with `timingSafeEqual`, so neither memory dumps nor response
 * timing give a key away.
 *
 * @example
 * const keys = ApiKeyRing.parse('acme:s3cret-key-1,beta:s3cret-key-2');
 * keys.issuerFor('s3cret-key-1'); // 'acme'
 */
export class ApiKeyRing {
  readonly #entries: KeyEntry[];

  constructor(keys: Array<{ issuerId: string; key: string }> = []) {
    this.#entries = keys.map(({ issuerId, key }) => ({ issuerId, digest: digestOf(key) }));
  }

  /**
   * Reads `issuerId:key,issuerId:key` (the `SKILLS_PASSPORT_API_KEYS` form). Throws PassportError
   * `invalid-options` for an entry without both parts or a key shorter than 16 characters.
   */
  static parse(text: string): ApiKeyRing {
    const keys: Array<{ issuerId: string; key: string }> = [];
    for (const entry of text.split(',')) {
      const trimmed = entry.trim();
      if (trimmed === '') continue;
      const colon = trimmed.indexOf(':');
      const issuerId = colon > 0 ? trimmed.slice(0, colon).trim() : '';
      const key = colon > 0 ? trimmed.slice(colon + 1).trim() : '';
      if (issuerId === '' || key === '') {
        throw new PassportError(
          'invalid-options',
          'API keys must be written as issuerId:key, separated by commas.',
        );
      }
      if (key.length < 16) {
        throw new PassportError(
          'invalid-options',
          `The API key for ${issuerId} is too short (16 characters at least).`,
        );
      }
      keys.push({ issuerId, key });
    }
    return new ApiKeyRing(keys);
  }

  /** A fresh random key (32 bytes, base64url) for an issuer. */
  static generateKey(): string {
    return randomBytes(32).toString('base64url');
  }

  /** A ring with one more key. */
  with(issuerId: string, key: string): ApiKeyRing {
    const ring = new ApiKeyRing();
    ring.#entries.push(...this.#entries, { issuerId, digest: digestOf(key) });
    return ring;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The issuer a key belongs to, or `undefined`. Every digest is compared, whatever matches first. */
  issuerFor(key: string): string | undefined {
    const digest = digestOf(key);
    let found: string | undefined;
    for (const entry of this.#entries) {
      if (timingSafeEqual(entry.digest, digest) && found === undefined) found = entry.issuerId;
    }
    return found;
  }
}

function digestOf(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
