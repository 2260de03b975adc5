import { type ParsedInput, structureCheck } from '../verify/input.js';
import { decodeJwt, peekJwt } from '../verify/jwt-credential.js';
import { isOb2Assertion, type Json, objectOf } from './ob2-assertion.js';

/** What the OB 2.0 verifier accepts: a hosted assertion's URL, the assertion as JSON, or a signed assertion (JWS). */
export type Ob2Input =
  | { kind: 'ob2-url'; url: string }
  | { kind: 'ob2-json'; document: Json }
  | { kind: 'ob2-jws'; jws: string; assertion: Json };

const ASSERTION_URL = /^https:\/\/[^\s"<>]+$/;
/** Longer text is not taken for an assertion URL (real ones are well under 200 characters). */
const MAX_URL_LENGTH = 2048;

/**
 * A bare https URL is taken as the address of an OB 2.0 hosted assertion (what Credly and others show as the
 * badge's public assertion URL, and what an OB 2.0 baked image may hold); anything else gives `undefined`.
 *
 * @example
 * assertionUrlInput(' https://vendor.example/assertions/42 '); // { kind: 'ob2-url', url: 'https://vendor.example/assertions/42' }
 */
export function assertionUrlInput(text: string): Extract<Ob2Input, { kind: 'ob2-url' }> | undefined {
  const trimmed = text.trim();
  return trimmed.length <= MAX_URL_LENGTH && ASSERTION_URL.test(trimmed)
    ? { kind: 'ob2-url', url: trimmed }
    : undefined;
}

/**
 * Routes parsed input to the OB 2.0 verifier when it is an OB 2.0 assertion (JSON) or a JWS whose payload is
 * one; `undefined` for everything else (OB 3.0 credentials, presentations, unreadable input).
 *
 * @example
 * ob2InputOf(parseText(assertionJson))?.kind; // 'ob2-json'
 */
export function ob2InputOf(parsed: ParsedInput): Ob2Input | undefined {
  if (parsed.kind === 'json') {
    return isOb2Assertion(parsed.document) ? { kind: 'ob2-json', document: parsed.document } : undefined;
  }
  if (parsed.kind === 'jwt') {
    // The strict decode is remembered per token, so the OB 3.0 path that reads the same token next decodes nothing;
    // an OB 2.0 JWS that is not strictly canonical base64url is still read leniently.
    const strict = peekJwt(parsed.jwt, 'vc');
    if ('check' in strict) {
      const assertion = jwsPayloadOf(parsed.jwt);
      return assertion && isOb2Assertion(assertion) && !structureCheck(assertion)
        ? { kind: 'ob2-jws', jws: parsed.jwt, assertion }
        : undefined;
    }
    if (!isOb2Assertion(strict.payload)) return undefined;
    // The assertion goes into the report: the caller's own copy, not the shared read-only one. The strict decode
    // already applied the input limits.
    const own = decodeJwt(parsed.jwt, 'vc');
    return 'check' in own ? undefined : { kind: 'ob2-jws', jws: parsed.jwt, assertion: own.payload };
  }
  return undefined;
}

/** The JSON object a compact JWS carries, read without checking the signature (that comes later, with the key). */
export function jwsPayloadOf(jws: string): Json | undefined {
  const payload = jws.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    return objectOf(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
}
