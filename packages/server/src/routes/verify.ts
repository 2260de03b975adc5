import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readVerifyRequest } from '../verify-request.js';

/**
 * `POST /credentials/verify` and `POST /presentations/verify` (W3C VC-API): 200 with the report when verified,
 * 422 with the same report when checked and not verified, 400 problem+json for a malformed request. A request
 * may name the `options.recipient` the badge should have been issued to (checked as `recipient`; in a
 * presentation, on the Open Badges 2.0 badges it carries as evidence).
 *
 * @example
 * app.route('/', verifyRoutes(deps));
 */
export function verifyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.post('/credentials/verify', async (c) => {
    const request = await readVerifyRequest(c, 'verifiableCredential');
    const report = await deps.verify(
      request.input,
      request.recipient ? { recipient: request.recipient } : {},
    );
    return c.json(report, report.verified ? 200 : 422);
  });

  app.post('/presentations/verify', async (c) => {
    const request = await readVerifyRequest(c, 'verifiablePresentation');
    const report = await deps.verify(request.input, {
      challenge: request.challenge,
      domain: request.domain,
      ...(request.recipient ? { recipient: request.recipient } : {}),
    });
    return c.json(report, report.verified ? 200 : 422);
  });

  return app;
}
