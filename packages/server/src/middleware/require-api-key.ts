import { createMiddleware } from 'hono/factory';
import type { ApiKeyRing } from '../api-keys.js';
import { ProblemError, ServerCodes } from '../problem.js';

/** Hono variables set by `requireApiKey`. */
export interface ApiKeyVariables {
  /** The issuer the presented API key belongs to. */
  issuerId: string;
}

/**
 * Lets a request through only with `Authorization: Bearer <key>` for a known issuer, and records which issuer
 * it is. 401 `api-key-missing` / `api-key-invalid` otherwise, with a `WWW-Authenticate` challenge.
 *
 * @example
 * app.post('/credentials/issue', requireApiKey(keys), (c) => c.text(c.var.issuerId));
 */
export function requireApiKey(keys: ApiKeyRing | undefined) {
  return createMiddleware<{ Variables: ApiKeyVariables }>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="skills-passport"');
      throw new ProblemError(
        401,
        ServerCodes.apiKeyMissing,
        'Send the issuer API key as Authorization: Bearer <key>.',
      );
    }
    const issuerId = keys?.issuerFor(match[1]!);
    if (!issuerId) {
      c.header('WWW-Authenticate', 'Bearer realm="skills-passport", error="invalid_token"');
      throw new ProblemError(401, ServerCodes.apiKeyInvalid, 'The API key is not valid.');
    }
    c.set('issuerId', issuerId);
    await next();
  });
}
