import { Codes } from '../codes.js';
import { type CheckResult, result } from './report.js';

/** Anything `verify` accepts: a JSON-LD object, a compact JWT, a JSON string of either, or raw bytes. */
export type VerifyInput = string | object | Uint8Array;

export interface InputLimits {
  /** Largest input in bytes (default 2 MB). Bigger input is refused before parsing. */
  maxBytes: number;
  /** Deepest JSON nesting accepted (default 64): credentials are shallow, hostile input is not. */
  maxDepth: number;
  /**
   * Most JSON values (objects, arrays, strings, numbers…) accepted (default 10,000; a rich credential has a few
   * hundred). JSON-LD processing grows faster than linearly with the number of values (jsonld.js de-duplicates
   * array values pairwise), so 100,000 array elements would cost minutes of CPU: refused before any of it runs.
   */
  maxValues: number;
  /**
   * Longest array accepted (default 1,000). jsonld.js de-duplicates each array's values pairwise, so the cost of
   * one long array grows with the square of its length (9,000 tags: seconds of CPU).
   */
  maxArrayLength: number;
}

export type ParsedInput =
  | { kind: 'jwt'; jwt: string }
  | { kind: 'json'; document: Record<string, unknown> }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'invalid'; check: CheckResult };

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxDepth: 64,
  maxValues: 10_000,
  maxArrayLength: 1_000,
};

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
// `application/jose` (RFC 7515) carries an Open Badges 2.0 signed assertion, which is a JWS but not a VC JWT.
const JWT_DATA_URL = /^data:application\/(?:(?:vc|vp)\+(?:jwt|ld\+json\+jwt)|jose),/;

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
    const depthProblem = structureCheck(input, limits);
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
  const ambiguous = ambiguousKeyOf(trimmed);
  if (ambiguous) return invalid(Codes.inputNotJson, ambiguous);
  if (typeof parsed === 'string') return parseText(parsed, limits);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return invalid(Codes.inputNotJson, 'Expected a JSON object (a credential or presentation).');
  }
  const problem = structureCheck(parsed, limits);
  if (problem) return problem;
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
export function textDepth(text: string): number {
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

/**
 * The depth, size and list-length limits for a parsed value or an object handed over by an embedding program,
 * checked without recursion; also refuses own `__proto__` keys. `undefined` when the value is within the limits.
 *
 * @example
 * structureCheck({ tags: new Array(5000).fill('x') })?.check.code; // 'input-too-large'
 */
export function structureCheck(
  root: object,
  limits: Pick<InputLimits, 'maxDepth' | 'maxValues' | 'maxArrayLength'> = DEFAULT_INPUT_LIMITS,
): ParsedInput | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  // Counting values also bounds the walk of a cyclic object, which would otherwise never end.
  let budget = limits.maxValues;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (--budget < 0) {
      return invalid(
        Codes.inputTooLarge,
        `The input has more than ${limits.maxValues} values (or refers to itself); credentials are far smaller.`,
      );
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      return invalid(Codes.inputTooDeep, `The object nests deeper than ${limits.maxDepth} levels.`);
    }
    if (Array.isArray(value) && value.length > limits.maxArrayLength) {
      return invalid(
        Codes.inputTooLarge,
        `The input has a list of ${value.length} values; at most ${limits.maxArrayLength} are accepted.`,
      );
    }
    if (Object.hasOwn(value, '__proto__')) {
      return invalid(Codes.inputNotJson, 'The object has a "__proto__" key, which is never accepted.');
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/**
 * Why JSON text (already known to parse) could be read two ways, or `undefined`. A key given twice in one object
 * is kept last by `JSON.parse` but first by some other parsers, so what we verify and what another program shows
 * would differ; a `__proto__` key changes an object's prototype when copied naively. One linear scan.
 *
 * @example
 * ambiguousKeyOf('{"issuer":"did:key:a","issuer":"did:key:b"}'); // 'The key "issuer" appears twice in one object; …'
 */
export function ambiguousKeyOf(text: string): string | undefined {
  // One frame per open object (its keys so far) or array (null).
  const frames: Array<Set<string> | null> = [];
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      // The end of the string, honouring escapes (a backslash escapes exactly the next character).
      let end = i + 1;
      let escaped = false;
      while (end < text.length && text.charCodeAt(end) !== 34) {
        if (text.charCodeAt(end) === 92) {
          escaped = true;
          end++;
        }
        end++;
      }
      const frame = frames.at(-1);
      if (frame && (previous === '{' || previous === ',')) {
        const raw = text.slice(i + 1, end);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (key === '__proto__') return 'The JSON has a "__proto__" key, which is never accepted.';
        if (frame.has(key)) return `The key "${key}" appears twice in one object; the input is ambiguous.`;
        frame.add(key);
      }
      i = end;
      previous = '"';
      continue;
    }
    if (char === '{') frames.push(new Set());
    else if (char === '[') frames.push(null);
    else if (char === '}' || char === ']') frames.pop();
    if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t') previous = char;
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
