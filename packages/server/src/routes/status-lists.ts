import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { ProblemError, ServerCodes } from '../problem.js';

/** Verifiers may cache a list briefly; a revocation shows within this many seconds. */
const MAX_AGE_SECONDS = 30;

/**
 * `GET /status/:listId`: the signed Bitstring Status List credential, with a strong ETag (list id + version)
 * so verifiers revalidate with `If-None-Match` and get 304 until a bit changes.
 *
 * @example
 * // curl -i localhost:3000/status/Xy3... -H 'if-none-match: "Xy3...-4"'
 * app.route('/', statusListRoutes(deps));
 */
export function statusListRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/status/:listId', async (c) => {
    if (!deps.issuerService)
      throw new ProblemError(404, ServerCodes.statusListUnknown, 'No such status list.');
    const list = await deps.issuerService.statusListCredential(c.req.param('listId'));
    if (!list) throw new ProblemError(404, ServerCodes.statusListUnknown, 'No such status list.');
    const etag = list.etag.startsWith('"') || list.etag.startsWith('W/') ? list.etag : `"${list.etag}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}, must-revalidate`);
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    if (typeof list.credential === 'string') {
      return c.body(list.credential, 200, { 'Content-Type': 'application/vc+jwt' });
    }
    return c.json(list.credential, 200);
  });

  return app;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === bare;
  });
}
