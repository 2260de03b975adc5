import { didWebUrl } from '@skills-passport/core';
import { Hono } from 'hono';
import type { AppDeps, IssuerProfileView } from '../app-deps.js';
import { ProblemError, ServerCodes } from '../problem.js';

/**
 * Publishes issuers' public data: `GET /issuers/:id` (the Open Badges issuer profile), and the DID documents
 * of did:web issuers at the path their DID names (`/.well-known/did.json` for `did:web:host`,
 * `/a/b/did.json` for `did:web:host:a:b`), so verifiers anywhere can resolve them.
 *
 * @example
 * // curl localhost:3000/.well-known/did.json
 * app.route('/', issuerRoutes(deps));
 */
export function issuerRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/issuers/:id', async (c) => {
    const issuer = await deps.issuerService?.getIssuer(c.req.param('id'));
    if (!issuer) throw new ProblemError(404, ServerCodes.issuerUnknown, 'No issuer with that id.');
    return c.json(profileOf(issuer), 200);
  });

  app.get('*', async (c, next) => {
    if (!c.req.path.endsWith('/did.json') || !deps.issuerService) return next();
    const issuers = await deps.issuerService.listIssuers();
    const issuer = issuers.find((candidate) => didWebPath(candidate.did) === c.req.path);
    if (!issuer) return next();
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(issuer.didDocument, 200, { 'Content-Type': 'application/did+json' });
  });

  return app;
}

/** The issuer's Open Badges `Profile`, completed with the DID and name when the stored profile lacks them. */
function profileOf(issuer: IssuerProfileView): Record<string, unknown> {
  return { id: issuer.did, type: ['Profile'], name: issuer.name, ...issuer.profile };
}

function didWebPath(did: string): string | undefined {
  if (!did.startsWith('did:web:')) return undefined;
  try {
    return new URL(didWebUrl(did)).pathname;
  } catch {
    return undefined;
  }
}
