import { Hono } from 'hono';
import type { AppDeps, IssuerServicePort } from '../app-deps.js';
import { type ApiKeyVariables, requireApiKey } from '../middleware/require-api-key.js';
import { ProblemError, ServerCodes } from '../problem.js';
import { isObject, optionalString, readJsonObject } from '../request-body.js';

type StatusAction = 'revoke' | 'suspend' | 'unsuspend';

/** VC-API `credentialStatus[].status` words, and ours, mapped to an action. */
const STATUS_WORDS: Record<string, StatusAction> = {
  revoke: 'revoke',
  revoked: 'revoke',
  suspend: 'suspend',
  suspended: 'suspend',
  unsuspend: 'unsuspend',
  unsuspended: 'unsuspend',
  active: 'unsuspend',
};

/**
 * `POST /credentials/issue` and `POST /credentials/status`, each behind the issuer's API key. A key only acts
 * for its own issuer: issuing as another issuer, or changing the status of another issuer's credential, is 403.
 *
 * @example
 * app.route('/', issueRoutes(deps));
 */
export function issueRoutes(deps: AppDeps): Hono<{ Variables: ApiKeyVariables }> {
  const app = new Hono<{ Variables: ApiKeyVariables }>();
  app.use('/credentials/issue', requireApiKey(deps.apiKeys));
  app.use('/credentials/status', requireApiKey(deps.apiKeys));

  app.post('/credentials/issue', async (c) => {
    const service = serviceOf(deps);
    const body = await readJsonObject(c);
    const credential = body.credential;
    if (!isObject(credential)) {
      throw new ProblemError(
        400,
        ServerCodes.requestInvalid,
        'The body needs credential: the unsigned credential object.',
      );
    }
    const options = body.options ?? {};
    if (!isObject(options))
      throw new ProblemError(400, ServerCodes.requestInvalid, 'options must be an object.');
    const format = optionalString(options, 'format') ?? 'di';
    if (format !== 'di' && format !== 'jwt') {
      throw new ProblemError(400, ServerCodes.requestInvalid, 'options.format must be "di" or "jwt".');
    }
    const issuerId = optionalString(options, 'issuerId') ?? c.var.issuerId;
    if (issuerId !== c.var.issuerId) {
      throw new ProblemError(403, ServerCodes.issuerForbidden, 'This API key cannot issue for that issuer.');
    }
    const pointers = options.mandatoryPointers;
    if (
      pointers !== undefined &&
      (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string'))
    ) {
      throw new ProblemError(
        400,
        ServerCodes.requestInvalid,
        'options.mandatoryPointers must be an array of JSON pointers.',
      );
    }
    const suspendable = options.suspendable;
    if (suspendable !== undefined && typeof suspendable !== 'boolean') {
      throw new ProblemError(400, ServerCodes.requestInvalid, 'options.suspendable must be true or false.');
    }
    const issued = await service.issue({
      issuerId,
      credential,
      format,
      ...(suspendable !== undefined ? { suspendable } : {}),
      ...(pointers ? { mandatoryPointers: pointers as string[] } : {}),
    });
    return c.json({ verifiableCredential: issued.credential }, 201);
  });

  app.post('/credentials/status', async (c) => {
    const service = serviceOf(deps);
    const body = await readJsonObject(c);
    const credentialId = optionalString(body, 'credentialId', 'body');
    if (!credentialId)
      throw new ProblemError(400, ServerCodes.requestInvalid, 'The body needs credentialId.');
    const action = actionOf(body);
    const issuance = await deps.findIssuance?.(credentialId);
    if (!issuance) {
      throw new ProblemError(
        404,
        ServerCodes.credentialUnknown,
        'No credential with that id was issued here.',
      );
    }
    if (issuance.issuerId !== c.var.issuerId) {
      throw new ProblemError(403, ServerCodes.issuerForbidden, 'This API key cannot change that credential.');
    }
    return c.json(await service.changeStatus({ credentialId, action }), 200);
  });

  return app;
}

function serviceOf(deps: AppDeps): IssuerServicePort {
  if (!deps.issuerService) {
    throw new ProblemError(
      503,
      ServerCodes.issuingUnavailable,
      'This service is not set up to issue credentials.',
    );
  }
  return deps.issuerService;
}

/** `{ action }` (ours) or `{ credentialStatus: [{ type, status }] }` (W3C VC-API). */
function actionOf(body: Record<string, unknown>): StatusAction {
  if (body.action !== undefined) {
    const action = typeof body.action === 'string' ? STATUS_WORDS[body.action] : undefined;
    if (action && action === body.action) return action;
    throw new ProblemError(
      400,
      ServerCodes.requestInvalid,
      'action must be "revoke", "suspend" or "unsuspend".',
    );
  }
  const entries = body.credentialStatus;
  const first = Array.isArray(entries) && entries.length === 1 ? entries[0] : undefined;
  const word = isObject(first) && typeof first.status === 'string' ? first.status.toLowerCase() : undefined;
  const action = word ? STATUS_WORDS[word] : undefined;
  if (!action) {
    throw new ProblemError(
      400,
      ServerCodes.requestInvalid,
      'Send { action: "revoke" | "suspend" | "unsuspend" } or credentialStatus: [{ type, status: "revoked" | "suspended" | "active" }].',
    );
  }
  return action;
}
