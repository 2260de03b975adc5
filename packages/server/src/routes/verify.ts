import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readVerifyRequest } from '../verify-request.js';

/**
 * `POST /credentials/verify` and `POST /presentations/verify` (W3C VC-API): 200 with the report when verified,
 * 422 with the same report when checked and not verified, 400 problem+json for a malformed request.
 *
 * @example
 * app.route('/', verifyRoutes(deps));
 */
export function verifyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.post('/credentials/verify', async (c) => {
    const request = await readVerifyRequest(c, 'verifiableCredential');
    const report = await deps.verify(request.input);
    return c.json(report, report.verified ? 200 : 422);
  });

  app.post('/presentations/verify', async (c) => {
    const request = await readVerifyRequest(c, 'verifiablePresentation');
    const report = await deps.verify(request.input, { challenge: request.challenge, domain: request.domain });
    return c.json(report, report.verified ? 200 : 422);
  });

  return app;
}
