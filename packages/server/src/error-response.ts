import { PassportError } from '@skills-passport/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError, problem, ServerCodes } from './problem.js';
import { isStoreUnavailable } from './store-unavailable.js';

/** Core's typed errors that a client's request caused, and the status each one answers with. */
const PASSPORT_ERROR_STATUS: Record<string, ContentfulStatusCode> = {
  'invalid-credential': 400,
  'invalid-options': 400,
  'credential-unknown': 404,
  'issuer-unknown': 404,
  'issuer-not-found': 404,
  'issuer-exists': 409,
  'status-purpose-missing': 409,
};

/** Seconds a client is asked to wait after `store-unavailable`: about what a database restart takes. */
const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns anything a handler threw into problem+json. Client mistakes keep their stable code; a database that is
 * down or restarting is a 503 `store-unavailable` with `Retry-After` (the client may retry; the error is still
 * logged); everything else is a 500 `internal-error` with no message or stack from inside (it goes to
 * `onInternalError` instead).
 *
 * @example
 * app.onError((error, c) => errorResponse(error, c, console.error));
 */
export function errorResponse(
  error: unknown,
  c: Context,
  onInternalError?: (error: unknown) => void,
): Response {
  if (error instanceof ProblemError) return problem(c, error.status, error.code, error.message, error.extra);
  // Before the PassportError mapping: core may wrap a lost connection in one whose code reads like a client error.
  if (isStoreUnavailable(error)) {
    onInternalError?.(error);
    c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    return problem(c, 503, ServerCodes.storeUnavailable, 'The store does not answer; try again shortly.');
  }
  if (error instanceof PassportError && PASSPORT_ERROR_STATUS[error.code]) {
    // Schema errors (of a credential or of job requirements) tell the client exactly what to fix.
    const extra = Array.isArray(error.details) ? { errors: error.details } : {};
    return problem(c, PASSPORT_ERROR_STATUS[error.code]!, error.code, error.message, extra);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return problem(
      c,
      error.status as ContentfulStatusCode,
      ServerCodes.requestInvalid,
      error.message || 'Bad request.',
    );
  }
  onInternalError?.(error);
  return problem(
    c,
    500,
    ServerCodes.internalError,
    'Something went wrong on our side; the error was logged.',
  );
}
