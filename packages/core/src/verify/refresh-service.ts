import { Codes } from '../codes.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import { messageOfError } from './error-code.js';
import { asArray, issuerIdOf, typesOf } from './format-check.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits, parseText } from './input.js';
import { type CredentialReport, result, withCheck } from './report.js';
import { firstSubject } from './summary.js';

type Json = Record<string, unknown>;

/** The `refreshService` type 1EdTech defines for OB 3.0: GET the `id` URL for the current copy of the credential. */
export const CREDENTIAL_REFRESH_TYPE = '1EdTechCredentialRefresh';

/** A credential read from a refresh service, ready to verify. */
export type RefreshedInput = { kind: 'json'; document: Json } | { kind: 'jwt'; jwt: string };

export interface RefreshOptions {
  /** The verifier's safe fetch (https only, public hosts, time and size limits). */
  safeFetch: SafeFetch;
  /** Limits the refreshed credential must meet, like any input (default: the verifier's input limits). */
  limits?: InputLimits;
}

/**
 * The URL of a credential's `1EdTechCredentialRefresh` service, when it has one (`refreshService` may be one
 * object or a list); other refresh service types are ignored.
 *
 * @example
 * refreshServiceUrlOf({ refreshService: { id: 'https://example.org/refresh/1', type: '1EdTechCredentialRefresh' } });
 * // 'https://example.org/refresh/1'
 */
export function refreshServiceUrlOf(credential: Json): string | undefined {
  for (const entry of asArray(credential.refreshService)) {
    if (!entry || typeof entry !== 'object') continue;
    const { id } = entry as Json;
    if (typeof id === 'string' && typesOf(entry as Json).includes(CREDENTIAL_REFRESH_TYPE)) return id;
  }
  return undefined;
}

/**
 * Replaces a verified credential's report with its refreshed copy's, once. Called only after the original's proof
 * passed, so the refresh URL is one its issuer signed. The refreshed credential is fetched once (JSON-LD or a
 * compact JWT), must come from the same issuer and be about the same subject, and is then verified in full by
 * `verify` (which must not refresh again); its report is returned with a `refresh` check (`credential-refreshed`)
 * and `refreshedFrom`, whatever its own outcome: it is the issuer's current word. When the service cannot be
 * reached or answers something unusable, the original report is returned with a `refresh-failed` warning.
 *
 * @example
 * const report = await refreshCredential(original, url, { safeFetch }, (input) => verifyWithoutRefresh(input));
 * report.refreshedFrom; // the URL, when the refreshed copy was used
 */
export async function refreshCredential(
  original: CredentialReport,
  url: string,
  options: RefreshOptions,
  verify: (input: RefreshedInput) => Promise<CredentialReport>,
): Promise<CredentialReport> {
  const fetched = await fetchRefreshed(url, options);
  if ('problem' in fetched) return failed(original, url, fetched.problem);
  const refreshed = await verify(fetched);
  const problem = refreshed.credential
    ? sameCredentialProblem(original.credential ?? {}, refreshed.credential)
    : `the refreshed credential could not be read (${firstFailure(refreshed)})`;
  if (problem) return failed(original, url, problem);
  const check = result(
    'refresh',
    'pass',
    Codes.credentialRefreshed,
    `Refreshed from ${url}: the checks are those of the issuer's current copy, not the copy presented.`,
  );
  return { ...withCheck(refreshed, check), refreshedFrom: url };
}

async function fetchRefreshed(
  url: string,
  options: RefreshOptions,
): Promise<RefreshedInput | { problem: string }> {
  let text: string;
  try {
    const response = await options.safeFetch(url, {
      headers: {
        accept:
          'application/vc+ld+json, application/vc+jwt, application/ld+json, application/json, application/jwt',
      },
    });
    if (response.status !== 200) return { problem: `the refresh service answered HTTP ${response.status}` };
    text = await response.text();
  } catch (error) {
    return { problem: messageOfError(error) };
  }
  const parsed = parseText(text, options.limits ?? DEFAULT_INPUT_LIMITS);
  if (parsed.kind === 'invalid')
    return { problem: `the answer is not a credential: ${parsed.check.message}` };
  if (parsed.kind === 'json' && !typesOf(parsed.document).includes('VerifiableCredential')) {
    return { problem: 'the answer is not a verifiable credential' };
  }
  if (parsed.kind !== 'json' && parsed.kind !== 'jwt') return { problem: 'the answer is not a credential' };
  return parsed;
}

/** A refresh may update a credential, not swap in another issuer's or another learner's. */
function sameCredentialProblem(original: Json, refreshed: Json): string | undefined {
  const issuer = issuerIdOf(original);
  const refreshedIssuer = issuerIdOf(refreshed);
  if (issuer !== refreshedIssuer) {
    return `the refreshed credential is issued by ${refreshedIssuer ?? 'no one'}, not by ${issuer ?? 'the same issuer'}`;
  }
  const subject = subjectIdOf(original);
  const refreshedSubject = subjectIdOf(refreshed);
  if (subject !== undefined && subject !== refreshedSubject) {
    return 'the refreshed credential is about another subject';
  }
  return undefined;
}

function subjectIdOf(credential: Json): string | undefined {
  const id = firstSubject(credential)?.id;
  return typeof id === 'string' ? id : undefined;
}

function firstFailure(report: CredentialReport): string {
  return report.checks.find((check) => check.outcome === 'fail')?.code ?? 'no detail';
}

function failed(original: CredentialReport, url: string, problem: string): CredentialReport {
  const check = result(
    'refresh',
    'warn',
    Codes.refreshFailed,
    `The credential could not be refreshed from ${url} (${problem}); the copy presented was verified instead.`,
  );
  return withCheck(original, check);
}
