import { SecretBox } from './crypto/secret-box.js';
import { checkStatusListSize, DEFAULT_STATUS_LIST_SIZE } from './status/status-list-rules.js';
import { StoreError, StoreErrorCodes } from './store-error.js';

/**
 * Options of {@link openStore}.
 *
 * @example
 * const options: StoreOptions = { secret: await resolveStoreSecret({ env: process.env, production, dataDir }) };
 */
export interface StoreOptions {
  /** 32-byte key that encrypts issuer private keys (see `resolveStoreSecret`). Needed for issuer methods. */
  secret?: Uint8Array;
  /** Older secrets still accepted for reading after a rotation; new writes use `secret`. */
  previousSecrets?: Uint8Array[];
  /** Bits per new status list; default and minimum 131,072. */
  statusListSize?: number;
  /** Allows lists smaller than 131,072 bits (down to 8). For tests only: small lists weaken herd privacy. */
  allowSmallListsForTesting?: boolean;
  /**
   * How long to wait for the database before failing (default 5,000 ms). SQLite: for another process's write lock;
   * PostgreSQL: for a connection (a new one, or a free one from a full pool), so a database that hangs fails fast.
   */
  busyTimeoutMs?: number;
  /** PostgreSQL: pool size (default 10). */
  maxConnections?: number;
}

/** Options after defaults and checks, as the backends use them. */
export interface ResolvedStoreOptions {
  secretBox: SecretBox | undefined;
  statusListSize: number;
  busyTimeoutMs: number;
  maxConnections: number;
}

/**
 * Applies defaults and validates options once, at open time, so a bad option fails start-up.
 *
 * @example
 * const resolved = resolveStoreOptions({ secret });
 */
export function resolveStoreOptions(options: StoreOptions): ResolvedStoreOptions {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  const maxConnections = options.maxConnections ?? 10;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new StoreError(StoreErrorCodes.invalidArgument, 'busyTimeoutMs must be a non-negative integer.');
  }
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) {
    throw new StoreError(StoreErrorCodes.invalidArgument, 'maxConnections must be a positive integer.');
  }
  return {
    secretBox: options.secret ? new SecretBox(options.secret, options.previousSecrets) : undefined,
    statusListSize: checkStatusListSize(
      options.statusListSize ?? DEFAULT_STATUS_LIST_SIZE,
      options.allowSmallListsForTesting === true,
    ),
    busyTimeoutMs,
    maxConnections,
  };
}

/**
 * The secret box, or `store-secret-missing` when the store was opened without a secret.
 *
 * @example
 * const box = requireSecretBox(options);
 */
export function requireSecretBox(options: ResolvedStoreOptions): SecretBox {
  if (options.secretBox) return options.secretBox;
  throw new StoreError(
    StoreErrorCodes.secretMissing,
    'This store was opened without a secret, so it cannot read or write issuer keys; pass options.secret.',
  );
}

/** Additional authenticated data for one key row: ties the ciphertext to its issuer and key id. */
export function keyContext(issuerId: string, keyId: string): string {
  return JSON.stringify(['issuer-key', issuerId, keyId]);
}
