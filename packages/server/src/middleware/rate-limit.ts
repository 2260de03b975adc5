import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ProblemError, ServerCodes } from '../problem.js';

export interface RateLimitOptions {
  /** Requests one client may make per window. */
  limit: number;
  /** Window length in seconds (default 60). */
  windowSeconds?: number;
  /** Who the client is (the peer address in `main.ts`; tests pass a header). Requests without one share a bucket. */
  clientKey: (c: Context) => string | undefined;
  now?: () => number;
}

/**
 * A fixed-window limit per client, in memory (per instance: behind a load balancer each instance counts its
 * own share). Over the limit answers 429 `rate-limited` with `Retry-After`, so a script hammering verification
 * or issuing slows down instead of starving everyone else.
 *
 * @example
 * app.use('/credentials/verify', rateLimit({ limit: 120, clientKey: (c) => c.req.header('x-client') }));
 */
export function rateLimit(options: RateLimitOptions) {
  const windowMs = (options.windowSeconds ?? 60) * 1000;
  const now = options.now ?? Date.now;
  let windowStart = now();
  let counts = new Map<string, number>();
  return createMiddleware(async (c, next) => {
    const time = now();
    if (time - windowStart >= windowMs) {
      // A new window forgets every client at once, so memory stays bounded by one window's clients.
      windowStart = time - ((time - windowStart) % windowMs);
      counts = new Map();
    }
    const key = options.clientKey(c) ?? 'unknown';
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > options.limit) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000))));
      throw new ProblemError(
        429,
        ServerCodes.rateLimited,
        'Too many requests from this client; try again shortly.',
      );
    }
    await next();
  });
}
