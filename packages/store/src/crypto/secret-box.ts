import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { StoreError, StoreErrorCodes } from '../store-error.js';

/** What is stored for one encrypted secret: enough to find the right key again after a rotation. */
interface SealedSecret {
  v: 1;
  alg: 'A256GCM';
  /** Id of the store secret that sealed this record (see {@link storeSecretId}). */
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

/**
 * A short, non-secret id for a store secret (a hash prefix), kept next to each ciphertext so that after a
 * rotation the store knows which of the configured secrets opens a record.
 *
 * @example
 * storeSecretId(secret); // 'k1.3q2-7w0CxYg'
 */
export function storeSecretId(secret: Uint8Array): string {
  const digest = createHash('sha256').update('skills-passport-store-secret-id').update(secret).digest();
  return `k1.${digest.subarray(0, 9).toString('base64url')}`;
}

/**
 * Encrypts and decrypts private key material with AES-256-GCM (node:crypto), a fresh random 96-bit IV per
 * record. The record's context (issuer and key id) is bound as additional authenticated data, so a
 * ciphertext copied onto another key row fails to open instead of silently yielding the wrong key.
 *
 * @example
 * const box = new SecretBox(secret, [oldSecret]);
 * const sealed = box.seal({ d: '...' }, 'acme/#key-1');
 * box.open(sealed, 'acme/#key-1'); // { d: '...' }
 */
export class SecretBox {
  readonly #current: { id: string; key: Buffer };
  readonly #byId: Map<string, Buffer>;

  constructor(secret: Uint8Array, previous: readonly Uint8Array[] = []) {
    for (const candidate of [secret, ...previous]) {
      if (candidate.length !== 32) {
        throw new StoreError(StoreErrorCodes.secretInvalid, 'A store secret must be exactly 32 bytes.');
      }
    }
    this.#current = { id: storeSecretId(secret), key: Buffer.from(secret) };
    this.#byId = new Map([secret, ...previous].map((key) => [storeSecretId(key), Buffer.from(key)]));
  }

  /** Encrypts `value` (JSON) with the current secret; returns the text to store. */
  seal(value: unknown, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    const sealed: SealedSecret = {
      v: 1,
      alg: 'A256GCM',
      kid: this.#current.id,
      iv: iv.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
      ct: ct.toString('base64url'),
    };
    return JSON.stringify(sealed);
  }

  /** Decrypts text made by {@link seal}; throws `store-secret-wrong` when no configured secret opens it. */
  open(text: string, context: string): unknown {
    const sealed = JSON.parse(text) as SealedSecret;
    const key = this.#byId.get(sealed.kid);
    if (key === undefined) {
      throw new StoreError(
        StoreErrorCodes.secretWrong,
        `This private key was encrypted with store secret ${sealed.kid}, which is not configured ` +
          `(configured: ${[...this.#byId.keys()].join(', ')}). Set SKILLS_PASSPORT_SECRET to the secret used ` +
          'when the issuer was saved, or pass it in previousSecrets after a rotation.',
        { keyId: sealed.kid },
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]);
      return JSON.parse(plain.toString('utf8'));
    } catch {
      // GCM's own error ("Unsupported state or unable to authenticate data") tells an operator nothing.
      throw new StoreError(
        StoreErrorCodes.secretWrong,
        `A stored private key failed authentication with store secret ${sealed.kid}: ` +
          'the record was altered or belongs to another key row.',
        { keyId: sealed.kid },
      );
    }
  }
}
