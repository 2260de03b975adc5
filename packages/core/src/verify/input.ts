import { Codes } from '../codes.js';
import { type CheckResult, result } from './report.js';

/** Anything `verify` accepts: a JSON-LD object, a compact JWT, a JSON string of either, or raw bytes. */
export type VerifyInput = string | object | Uint8Array;

export interface InputLimits {
  /** Largest input in bytes (default 2 MB). Bigger input is refused before parsing. */
  maxBytes: number;
  /** Deepest JSON nesting accepted (default 64): credentials are shallow, hostile input is not. */
  maxDepth: number;
}

export type ParsedInput =
  | { kind: 'jwt'; jwt: string }
  | { kind: 'json'; document: Record<string, unknown> }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'invalid'; check: CheckResult };

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 64 };

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWT_DATA_URL = /^data:application\/(?:vc|vp)\+(?:jwt|ld\+json\+jwt),/;

/**
 * Turns whatever the user sent into a JWT string, a JSON object, or image bytes for unbaking, or says plainly
 * why it cannot be read. Never throws.
 */
export function parseInput(input: unknown, limits: InputLimits = DEFAULT_INPUT_LIMITS): ParsedInput {
  if (input instanceof Uint8Array) {
    if (input.byteLength > limits.maxBytes) return tooLarge(input.byteLength, limits);
    if (input.byteLength === 0) return invalid(Codes.inputEmpty, 'The input is empty.');
    return { kind: 'bytes', bytes: input };
  }
  if (typeof input === 'string') return parseText(input, limits);
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const depthProblem = depthCheck(input, limits.maxDepth);
    if (depthProblem) return depthProblem;
    const enveloped = envelopedJwt(input as Record<string, unknown>);
    if (enveloped) return { kind: 'jwt', jwt: enveloped };
    return { kind: 'json', document: input as Record<string, unknown> };
  }
  return invalid(
    Codes.inputNotJson,
    'Expected a credential or presentation: a JSON object or a compact JWT.',
  );
}

/** Text input: a compact JWT, a `data:` URL of one, or JSON (possibly a JSON string holding a JWT). */
export function parseText(text: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): ParsedInput {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) return tooLarge(bytes, limits);
  const trimmed = text.trim();
  if (trimmed === '') return invalid(Codes.inputEmpty, 'The input is empty.');
  const withoutDataUrl = trimmed.replace(JWT_DATA_URL, '');
  if (COMPACT_JWT.test(withoutDataUrl)) return { kind: 'jwt', jwt: withoutDataUrl };
  if (!/^[{["]/.test(trimmed)) {
    if (trimmed.split('.').length === 3 || trimmed.startsWith('eyJ')) {
      return invalid(
        Codes.jwtMalformed,
        'This looks like a JWT but it is not well formed (three base64url parts).',
      );
    }
    return invalid(Codes.inputNotJson, 'The input is neither JSON nor a compact JWT.');
  }
  const depth = textDepth(trimmed);
  if (depth > limits.maxDepth) {
    return invalid(
      Codes.inputTooDeep,
      `The JSON nests ${depth} levels deep; at most ${limits.maxDepth} are accepted.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    return invalid(Codes.inputNotJson, `The input is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed === 'string') return parseText(parsed, limits);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return invalid(Codes.inputNotJson, 'Expected a JSON object (a credential or presentation).');
  }
  const enveloped = envelopedJwt(parsed as Record<string, unknown>);
  if (enveloped) return { kind: 'jwt', jwt: enveloped };
  return { kind: 'json', document: parsed as Record<string, unknown> };
}

/** A VC 2.0 `EnvelopedVerifiableCredential` / `EnvelopedVerifiablePresentation` carries a JWT in a data: URL. */
export function envelopedJwt(document: Record<string, unknown>): string | undefined {
  const type = document.type;
  const types = Array.isArray(type) ? type : [type];
  if (
    !types.includes('EnvelopedVerifiableCredential') &&
    !types.includes('EnvelopedVerifiablePresentation')
  ) {
    return undefined;
  }
  if (typeof document.id !== 'string') return undefined;
  const jwt = document.id.replace(JWT_DATA_URL, '');
  return COMPACT_JWT.test(jwt) ? jwt : undefined;
}

/** Nesting depth of JSON text, counted without parsing, so a hostile 10,000-deep document costs one scan. */
function textDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92)
        i++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === 125 || char === 93) depth--;
  }
  return deepest;
}

/** The same limit for objects handed over by an embedding program, checked without recursion. */
function depthCheck(root: object, maxDepth: number): ParsedInput | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  // A cyclic object never ends, so the walk is bounded by nodes as well as by depth.
  let budget = 1_000_000;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (--budget < 0) return invalid(Codes.inputTooLarge, 'The object is too large (or refers to itself).');
    if (depth > maxDepth) {
      return invalid(Codes.inputTooDeep, `The object nests deeper than ${maxDepth} levels.`);
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

function tooLarge(bytes: number, limits: InputLimits): ParsedInput {
  return invalid(
    Codes.inputTooLarge,
    `The input is ${bytes} bytes; the limit is ${limits.maxBytes} bytes. Credentials are small: check the file.`,
  );
}

function invalid(code: CheckResult['code'], message: string): ParsedInput {
  return { kind: 'invalid', check: result('format', 'fail', code, message) };
}
