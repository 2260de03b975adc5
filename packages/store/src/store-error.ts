/**
 * Stable codes for everything the store throws. The store deliberately does not import
 * `@skills-passport/core` at run time, so its codes live here; they follow the same kebab-case style as
 * core's `PassportError` codes and tests assert them, never message text.
 */
export const StoreErrorCodes = {
  /** No store secret in production (`SKILLS_PASSPORT_SECRET` unset). */
  secretMissing: 'store-secret-missing',
  /** The configured secret is not 32 bytes of base64, base64url or hex. */
  secretInvalid: 'store-secret-invalid',
  /** A stored private key cannot be decrypted with any configured secret. */
  secretWrong: 'store-secret-wrong',
  /** `openStore` was given a URL whose scheme it does not know. */
  urlUnsupported: 'store-url-unsupported',
  /** An option or argument is out of range (list size, allocation count, index...). */
  invalidArgument: 'store-invalid-argument',
  /** The database was migrated by a newer version of this package. */
  schemaTooNew: 'store-schema-too-new',
  /** The store was used after `close()`. */
  closed: 'store-closed',
  /** No status list has this id. */
  statusListUnknown: 'status-list-unknown',
  /** A status index outside `[0, size)` of its list. */
  statusIndexOutOfRange: 'status-index-out-of-range',
  /** An issuance record repeats a credential id or batch key already in the log. */
  issuanceDuplicate: 'issuance-duplicate',
  /** A challenge with this value was already saved. */
  challengeDuplicate: 'challenge-duplicate',
} as const;

/** One of the {@link StoreErrorCodes} values. */
export type StoreErrorCode = (typeof StoreErrorCodes)[keyof typeof StoreErrorCodes];

/**
 * Thrown by the store for programmer mistakes and unusable configuration (missing or wrong secret, unknown
 * list, bad arguments). Carries a stable `code`, like core's `PassportError`, so callers can branch on it.
 *
 * @example
 * try {
 *   await store.getIssuer('acme');
 * } catch (error) {
 *   if (error instanceof StoreError && error.code === 'store-secret-wrong') console.error(error.message);
 * }
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly details: unknown;

  constructor(code: StoreErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.details = details;
  }
}
