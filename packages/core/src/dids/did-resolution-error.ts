import type { Codes } from '../codes.js';
import type { SafeFetchErrorCode } from '../net/safe-fetch-error.js';

/** The stable codes a failed DID resolution carries. */
export type DidResolutionErrorCode =
  | typeof Codes.didMethodUnsupported
  | typeof Codes.didResolutionFailed
  | typeof Codes.didAddressNotAllowed
  | typeof Codes.keyNotFound
  | typeof Codes.keyNotAuthorized
  | Exclude<SafeFetchErrorCode, typeof Codes.fetchAddressNotAllowed>;

/**
 * Thrown by the DID resolver when a DID or verification method cannot be used. The verifier catches it and
 * reports `code`; `did` is the DID or DID URL that was asked for.
 *
 * @example
 * try {
 *   await resolver.resolveVerificationMethod('did:web:example.org#key-9', { purpose: 'assertionMethod' });
 * } catch (error) {
 *   if (error instanceof DidResolutionError) error.code; // 'key-not-found'
 * }
 */
export class DidResolutionError extends Error {
  readonly code: DidResolutionErrorCode;
  readonly did: string;

  constructor(code: DidResolutionErrorCode, did: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DidResolutionError';
    this.code = code;
    this.did = did;
  }
}
