import type { JobRequirements } from '@skills-passport/schemas';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { ProblemError, ServerCodes } from '../problem.js';
import { isObject, optionalString, readJsonObject } from '../request-body.js';

/**
 * `POST /passport/match`: verifies a passport (presentation) and matches its verified credentials against a
 * job's requirements (the `job-requirements` schema). Body:
 * `{ verifiablePresentation, requirements, options: { challenge, domain } }`. 200 `{ report, match }` when the
 * passport verified, 422 with the same body when it did not (only verified credentials count in `match`).
 *
 * @example
 * app.route('/', matchRoutes(deps));
 */
export function matchRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.post('/passport/match', async (c) => {
    if (!deps.matchRequirements) {
      throw new ProblemError(
        503,
        ServerCodes.matchingUnavailable,
        'This service is not set up to match requirements.',
      );
    }
    const body = await readJsonObject(c);
    const presentation = body.verifiablePresentation;
    if (typeof presentation !== 'string' && !isObject(presentation)) {
      throw new ProblemError(400, ServerCodes.requestInvalid, 'The body needs verifiablePresentation.');
    }
    if (!isObject(body.requirements)) {
      throw new ProblemError(
        400,
        ServerCodes.requestInvalid,
        'The body needs requirements (a job-requirements object).',
      );
    }
    const options = body.options ?? {};
    if (!isObject(options))
      throw new ProblemError(400, ServerCodes.requestInvalid, 'options must be an object.');
    const challenge = optionalString(options, 'challenge');
    const domain = optionalString(options, 'domain');
    const report = await deps.verify(presentation, { challenge, domain });
    // Core validates the requirements against the job-requirements schema (400 invalid-options with the errors).
    const match = deps.matchRequirements(report, body.requirements as unknown as JobRequirements);
    return c.json({ report, match }, report.verified ? 200 : 422);
  });

  return app;
}
