import { Codes } from '../codes.js';
import { ob2InputOf } from '../ob2/ob2-input.js';
import type { Ob2CallOptions, VerifyOb2Assertion } from '../ob2/verify-ob2-assertion.js';
import { asArray } from './format-check.js';
import { parseInput } from './input.js';
import { type CheckResult, type CredentialReport, result } from './report.js';
import { type CredentialVerificationContext, verifyCredentialInput } from './verify-credential.js';

/**
 * Most credentials verified in one presentation (or CLR). Each may name a different did:web issuer and status
 * list, so an unbounded list would let one request make the verifier fetch without limit; a passport is a handful.
 */
export const MAX_PRESENTATION_CREDENTIALS = 200;

/**
 * A `verifiableCredential` value as a list (one credential may be written without the array).
 *
 * @example
 * embeddedCredentials(presentation.verifiableCredential).length;
 */
export function embeddedCredentials(value: unknown): unknown[] {
  return asArray(value);
}

/**
 * A `format` failure when a bundle holds more credentials than are verified at once.
 *
 * @example
 * tooManyCredentials(500, 'presentation')?.code; // 'input-too-large'
 */
export function tooManyCredentials(count: number, what: string): CheckResult | undefined {
  if (count <= MAX_PRESENTATION_CREDENTIALS) return undefined;
  return result(
    'format',
    'fail',
    Codes.inputTooLarge,
    `The ${what} holds ${count} credentials; at most ${MAX_PRESENTATION_CREDENTIALS} are verified at once.`,
  );
}

/**
 * How a bundle verifies Open Badges 2.0 assertions it carries (JSON or a signed JWS; never a bare URL, so a
 * presentation cannot make the verifier fetch addresses of its choosing). Without it they fail `format`.
 */
export interface EmbeddedOb2 {
  verifyOb2: VerifyOb2Assertion;
  options?: Ob2CallOptions;
}

/**
 * Verifies every embedded credential, in any form (JSON-LD objects, VC 2.0 enveloped JWTs, VC 1.1 JWT strings,
 * and Open Badges 2.0 assertions when `ob2` is given), each with its own full report, concurrently. Never throws.
 *
 * @example
 * const reports = await verifyEmbeddedCredentials([jsonLdCredential, jwt, enveloped], context);
 */
export function verifyEmbeddedCredentials(
  items: unknown[],
  context: CredentialVerificationContext,
  ob2?: EmbeddedOb2,
): Promise<CredentialReport[]> {
  return Promise.all(items.map((item) => verifyEmbeddedCredential(item, context, ob2)));
}

async function verifyEmbeddedCredential(
  item: unknown,
  context: CredentialVerificationContext,
  ob2: EmbeddedOb2 | undefined,
): Promise<CredentialReport> {
  const parsed = parseInput(item);
  const assertion = ob2 ? ob2InputOf(parsed) : undefined;
  if (ob2 && assertion) return ob2.verifyOb2(assertion, ob2.options);
  if (parsed.kind === 'jwt' || parsed.kind === 'json') return verifyCredentialInput(parsed, context);
  const check =
    parsed.kind === 'invalid'
      ? parsed.check
      : result('format', 'fail', Codes.inputNotJson, 'An embedded credential is not JSON or a JWT.');
  return {
    verified: false,
    kind: 'credential',
    format: 'unknown',
    checks: [check],
    summary: { types: [], skills: [], status: 'none' },
  };
}
