import type { Context } from 'hono';
import { ProblemError, ServerCodes } from './problem.js';

const JWT_TYPES = ['text/plain', 'application/jwt', 'application/vc+jwt', 'application/vp+jwt'];

/** The body as the client sent it: a parsed JSON value, or text for the JWT media types. */
export type RequestBody = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

/**
 * Reads a request body as JSON (`application/json`, `application/*+json`) or text (`text/plain` and the JWT
 * media types). Anything else is 415; unparsable JSON is 400 `request-not-json`.
 *
 * @example
 * const body = await readBody(c); // { kind: 'json', value: {...} } or { kind: 'text', text: 'eyJ...' }
 */
export async function readBody(c: Context): Promise<RequestBody> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    const text = await c.req.text();
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      throw new ProblemError(400, ServerCodes.requestNotJson, 'The request body is not valid JSON.');
    }
  }
  if (JWT_TYPES.includes(type)) return { kind: 'text', text: await c.req.text() };
  throw new ProblemError(
    415,
    ServerCodes.mediaTypeUnsupported,
    'Send application/json (or text/plain with a compact JWT).',
  );
}

/**
 * The JSON body as an object, or 400 `request-invalid`.
 *
 * @example
 * const body = await readJsonObject(c); // { credential: {...}, options: {...} }
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const body = await readBody(c);
  if (body.kind !== 'json' || !isObject(body.value)) {
    throw new ProblemError(400, ServerCodes.requestInvalid, 'The request body must be a JSON object.');
  }
  return body.value;
}

/**
 * A plain JSON object (not null, not an array).
 *
 * @example
 * isObject({ a: 1 }); // true
 * isObject([1]); // false
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An optional string member, or 400 `request-invalid` naming the member.
 *
 * @example
 * const challenge = optionalString(options, 'challenge'); // string | undefined
 */
export function optionalString(
  object: Record<string, unknown>,
  name: string,
  where = 'options',
): string | undefined {
  const value = object[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new ProblemError(400, ServerCodes.requestInvalid, `${where}.${name} must be a non-empty string.`);
  }
  return value;
}
