import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError, StoreErrorCodes } from '../store-error.js';

/** Name of the environment variable that carries the store secret. */
export const STORE_SECRET_ENV = 'SKILLS_PASSPORT_SECRET';

/** File, inside the data folder, that holds the generated development secret. */
export const DEV_SECRET_FILE = 'dev-secret.key';

const SECRET_BYTES = 32;

/**
 * Decodes a 32-byte store secret written as hex (64 characters), base64 or base64url. Throws
 * `store-secret-invalid` otherwise, so a truncated or mistyped secret is caught at start-up, not on first use.
 *
 * @example
 * const secret = parseStoreSecret(randomBytes(32).toString('base64'));
 */
export function parseStoreSecret(text: string): Uint8Array {
  const trimmed = text.trim();
  let bytes: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    bytes = Buffer.from(trimmed, 'hex');
  } else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  }
  if (bytes?.length !== SECRET_BYTES) {
    throw new StoreError(
      StoreErrorCodes.secretInvalid,
      `${STORE_SECRET_ENV} must be ${SECRET_BYTES} random bytes written as base64 or hex ` +
        `(for example: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))").`,
    );
  }
  return new Uint8Array(bytes);
}

/**
 * Finds the key that encrypts issuer private keys at rest. Takes the environment as an argument (it never
 * reads `process.env`), so the caller's `main.ts` decides where configuration comes from.
 *
 * - `SKILLS_PASSPORT_SECRET` set: decoded (base64 or hex, 32 bytes).
 * - unset in development: a secret is generated once and kept in `<dataDir>/dev-secret.key` (mode 0600).
 * - unset in production: throws `store-secret-missing`, because a generated secret next to the database
 *   would protect nothing.
 *
 * @example
 * const secret = await resolveStoreSecret({
 *   env: process.env,
 *   production: process.env.NODE_ENV === 'production',
 *   dataDir: './data',
 * });
 * const store = await openStore('sqlite:./data/passport.db', { secret });
 */
export async function resolveStoreSecret(options: {
  env: Record<string, string | undefined>;
  production: boolean;
  dataDir: string;
}): Promise<Uint8Array> {
  const fromEnv = options.env[STORE_SECRET_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseStoreSecret(fromEnv);
  if (options.production) {
    throw new StoreError(
      StoreErrorCodes.secretMissing,
      `${STORE_SECRET_ENV} is not set. In production the store needs a 32-byte secret (base64 or hex) ` +
        'to encrypt issuer private keys; generate one with ' +
        `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))" and keep it in your secret manager.`,
    );
  }
  const file = join(options.dataDir, DEV_SECRET_FILE);
  await mkdir(options.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together never overwrite each other's secret.
    await writeFile(file, `${Buffer.from(randomBytes(SECRET_BYTES)).toString('base64')}\n`, {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseStoreSecret(await readFile(file, 'utf8'));
}
