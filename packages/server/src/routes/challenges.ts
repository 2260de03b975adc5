import { issueChallenge } from '@skills-passport/core';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { ProblemError, ServerCodes } from '../problem.js';
import { isObject, optionalString, readBody } from '../request-body.js';

/**
 * `POST /challenges`: a fresh one-time challenge (and optional `domain`) for a holder to bind into their
 * presentation. Stored in the shared store, so whichever instance later verifies the presentation accepts it
 * once.
 *
 * @example
 * // curl -X POST localhost:3000/challenges -H 'content-type: application/json' -d '{"domain":"jobs.example"}'
 * app.route('/', challengeRoutes(deps));
 */
export function challengeRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const ttl = deps.challengeTtlSeconds ?? 300;

  app.post('/challenges', async (c) => {
    let domain: string | undefined;
    if (c.req.header('content-length') !== '0' && c.req.header('content-type')) {
      const body = await readBody(c);
      if (body.kind !== 'json' || !isObject(body.value)) {
        throw new ProblemError(
          400,
          ServerCodes.requestInvalid,
          'The body, when sent, must be a JSON object.',
        );
      }
      domain = optionalString(body.value, 'domain', 'body');
    }
    const challenge = await issueChallenge(deps.challenges, {
      ttlSeconds: ttl,
      now,
      ...(domain ? { domain } : {}),
    });
    return c.json(
      {
        challenge: challenge.value,
        expires: challenge.expiresAt.toISOString(),
        ...(domain ? { domain } : {}),
      },
      200,
    );
  });

  return app;
}
