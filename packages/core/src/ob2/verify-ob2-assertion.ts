import { Codes } from '../codes.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import { checkIssuer, type IssuerPolicy } from '../verify/issuer-check.js';
import {
  type CheckName,
  type CheckResult,
  type CredentialReport,
  noFailures,
  result,
} from '../verify/report.js';
import { fetchHostedAssertion } from './hosted-assertion.js';
import { issuerKeysOf } from './issuer-key.js';
import { createLinkedDocuments, type LinkedDocuments } from './linked-documents.js';
import { badgeAndIssuerOf } from './linked-profile.js';
import { assertionProblemOf, type Json, verificationTypeOf } from './ob2-assertion.js';
import type { Ob2Input } from './ob2-input.js';
import { type Ob2Parts, summariseOb2 } from './ob2-summary.js';
import { checkOb2Validity } from './ob2-validity.js';
import { checkRecipient, type ExpectedRecipient } from './recipient-check.js';
import { checkRevocationList } from './revocation-list.js';
import { checkAssertionSignature } from './signed-assertion.js';
import { checkHostedPolicy } from './verification-policy.js';

export interface Ob2VerifierOptions {
  /** Every document (assertion, BadgeClass, issuer Profile, key, revocation list) is fetched through this. */
  safeFetch: SafeFetch;
  now: () => Date;
  clockSkewSeconds: number;
  issuerPolicy: IssuerPolicy;
  /** What a revocation list that cannot be fetched means (default `warn`: status unknown, never "not revoked"). */
  unreachable?: 'warn' | 'fail';
}

export interface Ob2CallOptions {
  /** The identity the verifier expects the badge was issued to (an email, or `{ identity, type }`). */
  recipient?: ExpectedRecipient | string;
}

export type VerifyOb2Assertion = (input: Ob2Input, options?: Ob2CallOptions) => Promise<CredentialReport>;

const ORDER: CheckName[] = ['format', 'proof', 'validity', 'status', 'issuer', 'recipient'];

/**
 * Builds the Open Badges 2.0 verifier (1EdTech OB 2.0 "Verification"): hosted assertions are fetched from their
 * `id` and checked against the issuer's verification policy; signed ones (RS256 JWS) are checked with the issuer's
 * key and revocation list. Every linked document is fetched once per verification through the safe fetch. The
 * answer is the same `CredentialReport` OB 3.0 credentials get; it never throws for bad input.
 *
 * @example
 * const verifyOb2 = createOb2Verifier({ safeFetch, now: () => new Date(), clockSkewSeconds: 60, issuerPolicy: {} });
 * const report = await verifyOb2({ kind: 'ob2-url', url: 'https://vendor.example/assertions/42' });
 * report.format; // 'ob2-hosted'
 */
export function createOb2Verifier(options: Ob2VerifierOptions): VerifyOb2Assertion {
  return async function verifyOb2Assertion(input, call = {}) {
    const links = createLinkedDocuments(options.safeFetch);
    const format = input.kind === 'ob2-jws' ? 'ob2-signed' : 'ob2-hosted';
    try {
      if (input.kind === 'ob2-jws')
        return await verifySigned(input.jws, input.assertion, links, call, options);
      if (input.kind === 'ob2-url') return await verifyHosted(input.url, undefined, links, call, options);
      if (verificationTypeOf(input.document) === 'signed') {
        const checks = [
          result(
            'proof',
            'fail',
            Codes.proofMissing,
            'A signed OB 2.0 assertion must be verified from its JWS, which was not sent.',
          ),
        ];
        return finish('ob2-signed', checks, { assertion: input.document });
      }
      return await verifyHosted(String(input.document.id ?? ''), input.document, links, call, options);
    } catch (error) {
      // A library failing in a way we did not foresee must still produce a report, not a crash.
      const check = result(
        'proof',
        'fail',
        Codes.proofInvalid,
        `Verification stopped: ${(error as Error).message}`,
      );
      return finish(format, [check], {});
    }
  };
}

async function verifyHosted(
  url: string,
  given: Json | undefined,
  links: LinkedDocuments,
  call: Ob2CallOptions,
  options: Ob2VerifierOptions,
): Promise<CredentialReport> {
  const givenProblem = given ? assertionProblemOf(given) : undefined;
  if (given && givenProblem) return finish('ob2-hosted', [invalid(givenProblem)], { assertion: given });
  const copy = await fetchHostedAssertion(url, given, links);
  const hostedFormat = result('format', 'pass', Codes.formatOk, 'An Open Badges 2.0 hosted assertion.');
  if (copy.kind !== 'fetched') return finish('ob2-hosted', [hostedFormat, copy.check], { assertion: given });
  const { assertion } = copy;
  const problem = assertionProblemOf(assertion);
  if (problem) return finish('ob2-hosted', [invalid(problem)], { assertion });
  if (verificationTypeOf(assertion) === 'signed') {
    return finish('ob2-hosted', [invalid('The hosted copy says it is a signed assertion; send its JWS.')], {
      assertion,
    });
  }
  const checks: CheckResult[] = [hostedFormat];
  if (copy.mismatch) checks.push(copy.mismatch);
  const parts: Ob2Parts = { assertion };
  const linked = await badgeAndIssuerOf(assertion, links);
  parts.badge = linked.badge;
  if ('check' in linked) checks.push(linked.check);
  else {
    parts.issuer = linked.issuer;
    checks.push(
      checkHostedPolicy(String(assertion.id), linked.issuer),
      issuerCheck(linked.issuer, options, parts),
    );
  }
  checks.push(hostedStatus(assertion), ...commonChecks(assertion, call, options));
  return finish('ob2-hosted', checks, parts);
}

async function verifySigned(
  jws: string,
  assertion: Json,
  links: LinkedDocuments,
  call: Ob2CallOptions,
  options: Ob2VerifierOptions,
): Promise<CredentialReport> {
  const problem = assertionProblemOf(assertion);
  if (problem) return finish('ob2-signed', [invalid(problem)], { assertion });
  if (verificationTypeOf(assertion) !== 'signed') {
    return finish(
      'ob2-signed',
      [invalid('A JWS must hold a signed assertion (verification type SignedBadge).')],
      { assertion },
    );
  }
  const checks: CheckResult[] = [
    result('format', 'pass', Codes.formatOk, 'An Open Badges 2.0 signed assertion (JWS).'),
  ];
  const parts: Ob2Parts = { assertion };
  const linked = await badgeAndIssuerOf(assertion, links);
  parts.badge = linked.badge;
  if ('check' in linked) checks.push(linked.check);
  else {
    const { issuer } = linked;
    parts.issuer = issuer;
    const keys = await issuerKeysOf(assertion, issuer, links);
    const proof = 'check' in keys ? keys.check : await checkAssertionSignature(jws, keys.keys);
    checks.push(proof, issuerCheck(issuer, options, parts));
    // Revocation is looked up only for a genuine signature: a forged assertion's "status" means nothing.
    if (proof.outcome === 'pass') {
      checks.push(await checkRevocationList(assertion, issuer, links, options.unreachable ?? 'warn'));
    }
  }
  checks.push(...commonChecks(assertion, call, options));
  return finish('ob2-signed', checks, parts);
}

/** Dates and recipient need only the assertion itself. */
function commonChecks(assertion: Json, call: Ob2CallOptions, options: Ob2VerifierOptions): CheckResult[] {
  return [
    checkOb2Validity(assertion, { now: options.now(), clockSkewSeconds: options.clockSkewSeconds }),
    checkRecipient(assertion.recipient, call.recipient),
  ];
}

/** A hosted assertion the issuer still serves is current unless it says `revoked: true` (410 is handled earlier). */
function hostedStatus(assertion: Json): CheckResult {
  if (assertion.revoked === true) {
    const reason = typeof assertion.revocationReason === 'string' ? `: ${assertion.revocationReason}` : '.';
    return result('status', 'fail', Codes.revoked, `The issuer has revoked this badge${reason}`);
  }
  return result(
    'status',
    'pass',
    Codes.statusOk,
    'The issuer still hosts this badge and has not revoked it.',
  );
}

/** The trust registry decides whether the issuer is recognised, as for OB 3.0 issuers (by profile URL). */
function issuerCheck(issuer: Json, options: Ob2VerifierOptions, parts: Ob2Parts): CheckResult {
  const issuerId = String(issuer.id);
  const entry = options.issuerPolicy.registry?.lookup(issuerId);
  if (entry)
    parts.recognisedAs = { name: entry.name, registryName: options.issuerPolicy.registry?.name ?? '' };
  return checkIssuer({ issuer: issuerId }, [], options.issuerPolicy);
}

function invalid(message: string): CheckResult {
  return result('format', 'fail', Codes.ob2AssertionInvalid, message);
}

function finish(
  format: CredentialReport['format'],
  checks: CheckResult[],
  parts: Ob2Parts,
): CredentialReport {
  const sorted = [...checks].sort((a, b) => ORDER.indexOf(a.check) - ORDER.indexOf(b.check));
  const report: CredentialReport = {
    verified: noFailures(sorted),
    kind: 'credential',
    format,
    checks: sorted,
    summary: summariseOb2(parts, sorted),
  };
  if (parts.assertion) report.credential = parts.assertion;
  return report;
}
