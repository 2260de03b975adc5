import { calculateJwkThumbprint, compactVerify, type JWK, errors as joseErrors } from 'jose';
import { type Code, Codes } from '../codes.js';
import { codeOfError, messageOfError } from './error-code.js';
import {
  ambiguousKeyOf,
  DEFAULT_INPUT_LIMITS,
  type InputLimits,
  structureCheck,
  textDepth,
} from './input.js';
import { type CheckResult, result } from './report.js';
import { joseKeyOfVerificationMethod, jwkOfVerificationMethod } from './verification-method-key.js';

/** Algorithms a credential JWT may use. `none` and HMAC (a shared secret cannot prove an issuer) never are. */
export const ALLOWED_JWT_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256'] as const;

/**
 * Headers that would let the token pick its own key (the key must come from the issuer's DID), or change how the
 * signature is computed (`crit` extensions, RFC 7797 unencoded payloads): a credential JWT needs none of them.
 */
const FORBIDDEN_HEADERS = ['jku', 'x5u', 'x5c', 'crit', 'b64'];

export interface JwtKeyResolver {
  resolveVerificationMethod(
    id: string,
    options?: { purpose?: 'assertionMethod' | 'authentication' },
  ): Promise<{ method: object; document: object }>;
  /** The same answer from what is already cached, without waiting; `undefined` when nothing is (optional). */
  cachedVerificationMethod?(
    id: string,
    options?: { purpose?: 'assertionMethod' | 'authentication' },
  ): { method: object; document: object } | undefined;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The credential (or presentation): the `vc`/`vp` claim in the VC 1.1 / OB 3.0 form, else the payload itself. */
  document: Record<string, unknown>;
  /** Which JWT form the token uses. */
  form: 'vc-jose' | 'vc-claim';
}

/**
 * Decodes a compact JWT without trusting it. Returns a `format` failure for anything malformed: parts that are not
 * canonical base64url (the same token must have exactly one spelling), header or payload that are not JSON
 * objects, keys given twice (other parsers would read another value than the one we verify), or a payload nested
 * deeper or larger than the input limits. The objects are the caller's own, free to change; a caller that only
 * looks uses `peekJwt`.
 */
export function decodeJwt(
  jwt: string,
  claim: 'vc' | 'vp',
  limits: Pick<InputLimits, 'maxDepth' | 'maxValues' | 'maxArrayLength'> = DEFAULT_INPUT_LIMITS,
): DecodedJwt | CheckResult {
  // One verification looks at a token several times (OB 2.0? presentation? CLR? credential?): the strict checks
  // and base64 decoding run once per token and limits; each call here still parses its own fresh copy.
  const memo = memoOf(limits);
  const known = memo.tokens.get(jwt);
  if (known) {
    return documentOf(
      JSON.parse(known.headerText) as Record<string, unknown>,
      JSON.parse(known.payloadText) as Record<string, unknown>,
      claim,
    );
  }
  const decoded = strictDecodeJwt(jwt, limits);
  if ('check' in decoded) return decoded;
  remember(memo, jwt, { headerText: decoded.headerText, payloadText: decoded.payloadText });
  // The objects the strict checks parsed are this caller's own: no one else has seen them.
  return documentOf(decoded.header, decoded.payload, claim);
}

/**
 * `decodeJwt` for callers that only look (is this a presentation? an OB 2.0 assertion?): every call for the same
 * token gets the same deeply frozen header and payload, parsed once, so routing one input costs one parse rather
 * than one per question. Anything handed on to a report must come from `decodeJwt` instead.
 *
 * @example
 * const peeked = peekJwt(jwt, 'vp');
 * const isVp = !('check' in peeked) && peeked.header.typ === 'vp+jwt';
 */
export function peekJwt(
  jwt: string,
  claim: 'vc' | 'vp',
  limits: Pick<InputLimits, 'maxDepth' | 'maxValues' | 'maxArrayLength'> = DEFAULT_INPUT_LIMITS,
): Readonly<DecodedJwt> | CheckResult {
  const memo = memoOf(limits);
  let known = memo.tokens.get(jwt);
  if (!known) {
    const decoded = strictDecodeJwt(jwt, limits);
    if ('check' in decoded) return decoded;
    const frozen = { header: deepFreeze(decoded.header), payload: deepFreeze(decoded.payload) };
    known = { headerText: decoded.headerText, payloadText: decoded.payloadText, frozen };
    remember(memo, jwt, known);
  }
  known.frozen ??= {
    header: deepFreeze(JSON.parse(known.headerText) as Record<string, unknown>),
    payload: deepFreeze(JSON.parse(known.payloadText) as Record<string, unknown>),
  };
  return documentOf(known.frozen.header, known.frozen.payload, claim);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

interface DecodedTexts {
  headerText: string;
  payloadText: string;
  /** The read-only objects `peekJwt` hands out, made on its first call. */
  frozen?: { header: Record<string, unknown>; payload: Record<string, unknown> };
}

/**
 * Decoded texts of tokens that passed the strict checks, per limits object, keyed by the token itself (a string
 * key hashes once per string, where a digest would hash every call). Each memo is bounded by the characters it
 * holds (the parsed objects `peekJwt` keeps take a few times as much again), oldest first out, so a flood of large
 * tokens cannot grow memory; a memo goes with its limits object.
 */
interface Memo {
  tokens: Map<string, DecodedTexts>;
  chars: number;
}

const wellFormed = new WeakMap<object, Memo>();
const MAX_MEMO_CHARS = 2_000_000;
const MAX_MEMO_TOKEN_CHARS = 64 * 1024;

function memoOf(limits: object): Memo {
  let memo = wellFormed.get(limits);
  if (!memo) {
    memo = { tokens: new Map(), chars: 0 };
    wellFormed.set(limits, memo);
  }
  return memo;
}

function remember(memo: Memo, jwt: string, texts: DecodedTexts): void {
  if (jwt.length > MAX_MEMO_TOKEN_CHARS) return;
  while (memo.chars + jwt.length > MAX_MEMO_CHARS && memo.tokens.size > 0) {
    const oldest = memo.tokens.keys().next().value as string;
    memo.tokens.delete(oldest);
    memo.chars -= oldest.length;
  }
  memo.tokens.set(jwt, texts);
  memo.chars += jwt.length;
}

function documentOf(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  claim: 'vc' | 'vp',
): DecodedJwt {
  const inner = payload[claim];
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
    return { header, payload, document: inner as Record<string, unknown>, form: 'vc-claim' };
  }
  return { header, payload, document: payload, form: 'vc-jose' };
}

function strictDecodeJwt(
  jwt: string,
  limits: Pick<InputLimits, 'maxDepth' | 'maxValues' | 'maxArrayLength'>,
): (DecodedTexts & Pick<DecodedJwt, 'header' | 'payload'>) | CheckResult {
  const parts = jwt.split('.');
  if (parts.length !== 3 || parts.some((part, i) => part === '' && i < 2)) {
    return result('format', 'fail', Codes.jwtMalformed, 'The JWT does not have three base64url parts.');
  }
  let headerText: string;
  let payloadText: string;
  let header: unknown;
  let payload: unknown;
  try {
    headerText = strictBase64UrlDecode(parts[0]!);
    payloadText = strictBase64UrlDecode(parts[1]!);
    strictBase64UrlDecode(parts[2]!, false);
    if (textDepth(payloadText) > limits.maxDepth) {
      return result(
        'format',
        'fail',
        Codes.inputTooDeep,
        `The JWT payload nests deeper than ${limits.maxDepth} levels.`,
      );
    }
    header = JSON.parse(headerText);
    payload = JSON.parse(payloadText);
    const ambiguous = ambiguousKeyOf(headerText) ?? ambiguousKeyOf(payloadText);
    if (ambiguous) throw new Error(ambiguous);
    const tooLarge = payload && typeof payload === 'object' ? structureCheck(payload, limits) : undefined;
    if (tooLarge?.kind === 'invalid') return tooLarge.check;
  } catch (error) {
    return result(
      'format',
      'fail',
      Codes.jwtMalformed,
      `The JWT could not be decoded: ${messageOfError(error)}`,
    );
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) {
    return result('format', 'fail', Codes.jwtMalformed, 'The JWT header is not a JSON object.');
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return result('format', 'fail', Codes.jwtMalformed, 'The JWT payload is not a JSON object.');
  }
  return {
    headerText,
    payloadText,
    header: header as Record<string, unknown>,
    payload: payload as Record<string, unknown>,
  };
}

/**
 * base64url as RFC 7515 writes it: no padding, no characters outside the alphabet, and zero unused bits (so a
 * signature cannot be re-spelled into a different token that still verifies). Text parts must be UTF-8.
 */
function strictBase64UrlDecode(part: string, asText = true): string {
  if (!/^[A-Za-z0-9_-]*$/.test(part) || part.length % 4 === 1) throw new Error('not canonical base64url');
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw new Error('not canonical base64url');
  return asText ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : '';
}

/**
 * Verifies a JWT's signature against the key its `kid` names in the expected signer's DID document, refusing
 * algorithms and headers that let a token choose its own key. `expectedController` is the issuer (credentials)
 * or holder (presentations).
 */
export async function checkJwtSignature(
  jwt: string,
  decoded: DecodedJwt,
  expectedController: string | undefined,
  resolver: JwtKeyResolver,
  purpose: 'assertionMethod' | 'authentication',
): Promise<CheckResult> {
  const { header } = decoded;
  const alg = String(header.alg ?? '');
  if (!(ALLOWED_JWT_ALGORITHMS as readonly string[]).includes(alg)) {
    return fail(
      Codes.jwtAlgNotAllowed,
      `The JWT algorithm "${alg}" is not accepted (allowed: EdDSA, ES256, ES384, RS256).`,
    );
  }
  const forbidden = FORBIDDEN_HEADERS.find((name) => name in header);
  if (forbidden) {
    return fail(
      Codes.jwtHeaderNotAllowed,
      `The JWT header "${forbidden}" is not accepted: keys come from the signer's DID.`,
    );
  }
  if (!expectedController) {
    return fail(
      Codes.issuerMismatch,
      'The token names no issuer or holder, so there is no key to check it with.',
    );
  }
  let kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (kid?.startsWith('#')) kid = `${expectedController}${kid}`;
  if (!kid && expectedController.startsWith('did:key:')) {
    kid = `${expectedController}#${expectedController.slice('did:key:'.length)}`;
  }
  if (!kid) return fail(Codes.keyNotFound, 'The JWT header has no "kid" naming the signing key.');
  const kidController = kid.split('#')[0];
  if (kidController !== expectedController) {
    return fail(Codes.issuerMismatch, `The signing key ${kid} does not belong to ${expectedController}.`);
  }
  let method: Record<string, unknown>;
  try {
    // A key already cached costs no wait: everything before the signature is handed over delays the answer.
    const resolved =
      resolver.cachedVerificationMethod?.(kid, { purpose }) ??
      (await resolver.resolveVerificationMethod(kid, { purpose }));
    method = resolved.method as Record<string, unknown>;
  } catch (error) {
    return fail(
      codeOfError(error, Codes.keyNotFound),
      `The signing key ${kid} could not be resolved: ${messageOfError(error)}`,
    );
  }
  if (header.jwk && !(await sameKey(header.jwk as JWK, method))) {
    return fail(
      Codes.jwtHeaderNotAllowed,
      'The JWT carries an embedded "jwk" that is not the key of its "kid".',
    );
  }
  try {
    const key = await joseKeyOfVerificationMethod(method, alg);
    if (!key) return fail(Codes.keyNotFound, `The verification method ${kid} has no usable public key.`);
    await compactVerify(jwt, key, { algorithms: [alg] });
  } catch (error) {
    if (error instanceof joseErrors.JOSENotSupported || error instanceof joseErrors.JWSInvalid) {
      return fail(Codes.jwtHeaderNotAllowed, `The JWT could not be processed: ${messageOfError(error)}`);
    }
    return fail(
      Codes.proofInvalid,
      `The JWT signature does not match: it was changed after signing or signed by another key.`,
    );
  }
  return result('proof', 'pass', Codes.proofOk, `The JWT signature (${alg}) by ${kid} is valid.`);
}

async function sameKey(embedded: JWK, method: Record<string, unknown>): Promise<boolean> {
  try {
    const own = await jwkOfVerificationMethod(method);
    return !!own && (await calculateJwkThumbprint(embedded)) === (await calculateJwkThumbprint(own));
  } catch {
    return false;
  }
}

function fail(code: Code, message: string): CheckResult {
  return result('proof', 'fail', code, message);
}
