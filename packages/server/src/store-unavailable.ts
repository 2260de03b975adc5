import { StoreError, StoreErrorCodes } from '@skills-passport/store';

/** PostgreSQL SQLSTATEs meaning "the database is not there right now", not "your query is wrong". */
const POSTGRES_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown: the backend was terminated (restart, pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);

/** Socket errors of a database connection that cannot be made or was lost. */
const NETWORK_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * `pg` reports a dropped or timed-out connection with a plain Error and no code, so these messages are the only
 * signal it gives; they have been stable across pg 8.x.
 */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/**
 * Whether an error thrown by the store means the database is unreachable or restarting (so the request may be
 * retried: 503), rather than a bug (500). Recognises PostgreSQL connection-class SQLSTATEs (`08xxx`, `57P0x`),
 * socket errors (also inside an `AggregateError`, a `cause`, or the `details` of a wrapping PassportError), `pg`'s connection-loss errors, a busy or
 * unreadable SQLite database, and a store already closed during shutdown.
 *
 * @example
 * app.onError((error, c) => (isStoreUnavailable(error) ? c.text('try again', 503) : c.text('bug', 500)));
 */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (error instanceof StoreError) return error.code === StoreErrorCodes.closed;
  const { code, message, cause, errors, details } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    details?: unknown;
  };
  if (typeof code === 'string') {
    if (code.startsWith('08') && code.length === 5) return true; // connection_exception class
    if (POSTGRES_UNAVAILABLE.has(code) || NETWORK_UNAVAILABLE.has(code)) return true;
    if (/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN)/.test(code)) return true;
  }
  if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((text) => message.startsWith(text))) {
    return true;
  }
  if (Array.isArray(errors) && errors.some((inner) => isStoreUnavailable(inner, depth + 1))) return true;
  // Core's issuer service wraps what the store threw in a PassportError, keeping the original as `details`.
  return isStoreUnavailable(cause, depth + 1) || isStoreUnavailable(details, depth + 1);
}
