import type { ExpectedRecipient, VerifyInput } from '@skills-passport/core';
import type { Context } from 'hono';
import { ProblemError, ServerCodes } from './problem.js';
import { isObject, optionalString, readBody } from './request-body.js';

/** A VC-API verify request, read and checked at the edge. */
export interface VerifyRequest {
  input: VerifyInput;
  challenge?: string;
  domain?: string;
  checks?: string[];
  /** The identity (email or URL) the credential should have been issued to, checked as `recipient`. */
  recipient?: ExpectedRecipient;
}

/**
 * Reads `{ verifiableCredential | verifiablePresentation, options: { challenge, domain, checks, recipient } }`
 * (W3C VC-API; `recipient` is ours: an email or URL string, or `{ identity, type }`),
 * or a raw compact JWT sent as `text/plain` / a JSON string. A body without the expected member is 400: the
 * request is malformed, which is different from a credential that fails its checks (422).
 *
 * @example
 * const request = await readVerifyRequest(c, 'verifiablePresentation');
 * const report = await verify(request.input, { challenge: request.challenge, domain: request.domain });
 */
export async function readVerifyRequest(
  c: Context,
  member: 'verifiableCredential' | 'verifiablePresentation',
): Promise<VerifyRequest> {
  const body = await readBody(c);
  if (body.kind === 'text') return { input: body.text };
  if (typeof body.value === 'string') return { input: body.value };
  if (!isObject(body.value)) {
    throw new ProblemError(400, ServerCodes.requestInvalid, `The body must be an object with ${member}.`);
  }
  const input = body.value[member];
  if (input === undefined || input === null || (typeof input !== 'string' && !isObject(input))) {
    throw new ProblemError(
      400,
      ServerCodes.requestInvalid,
      `The body needs ${member}: the ${member === 'verifiableCredential' ? 'credential' : 'presentation'} as a JSON object or a compact JWT string.`,
    );
  }
  const options = body.value.options ?? {};
  if (!isObject(options))
    throw new ProblemError(400, ServerCodes.requestInvalid, 'options must be an object.');
  const checks = options.checks;
  if (
    checks !== undefined &&
    (!Array.isArray(checks) || !checks.every((check) => typeof check === 'string'))
  ) {
    throw new ProblemError(400, ServerCodes.requestInvalid, 'options.checks must be an array of strings.');
  }
  const recipient = recipientOf(options.recipient);
  return {
    input: input as VerifyInput,
    challenge: optionalString(options, 'challenge'),
    domain: optionalString(options, 'domain'),
    checks: checks as string[] | undefined,
    ...(recipient ? { recipient } : {}),
  };
}

/** `options.recipient`: `"sam@example.org"`, or `{ "identity": "sam@example.org", "type": "email" }`. */
function recipientOf(value: unknown): ExpectedRecipient | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return { identity: value.trim() };
  if (isObject(value) && typeof value.identity === 'string' && value.identity.trim() !== '') {
    const type = optionalString(value, 'type', 'options.recipient');
    return { identity: value.identity.trim(), ...(type ? { type } : {}) };
  }
  throw new ProblemError(
    400,
    ServerCodes.requestInvalid,
    'options.recipient must be an email or URL string, or { identity, type }.',
  );
}
