import type { Codes } from '../codes.js';

/** The stable codes a refused or failed outbound request carries. */
export type SafeFetchErrorCode =
  | typeof Codes.fetchTimeout
  | typeof Codes.fetchTooLarge
  | typeof Codes.fetchAddressNotAllowed
  | typeof Codes.fetchSchemeNotAllowed
  | typeof Codes.fetchFailed
  | typeof Codes.fetchTooManyRedirects;

/**
 * Thrown by the safe fetch when a request is refused by policy or fails. Callers report the `code` (the
 * verifier turns it into a check result); `url` is the hop that failed, which after a redirect may differ from
 * the URL asked for.
 *
 * @example
 * try {
 *   await safeFetch('http://example.org/status/1');
 * } catch (error) {
 *   if (error instanceof SafeFetchError) error.code; // 'fetch-scheme-not-allowed'
 * }
 */
export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  readonly url: string;

  constructor(code: SafeFetchErrorCode, url: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SafeFetchError';
    this.code = code;
    this.url = url;
  }
}
