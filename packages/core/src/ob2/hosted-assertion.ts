import { isDeepStrictEqual } from 'node:util';
import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import type { LinkedDocuments } from './linked-documents.js';
import { isOb2Assertion, type Json } from './ob2-assertion.js';

/**
 * The issuer's hosted copy of an assertion: `fetched` (with a failing `proof` check when the copy that was sent
 * differs), `revoked` (HTTP 410 Gone), or `failed` with the check that says why.
 */
export type HostedCopy =
  | { kind: 'fetched'; assertion: Json; mismatch?: CheckResult }
  | { kind: 'revoked'; check: CheckResult }
  | { kind: 'failed'; check: CheckResult };

/**
 * Fetches a hosted assertion from its `id` URL through the safe fetch. Only the fetched copy is trusted: when the
 * caller also sent a copy (`given`) that differs from it, the difference is reported (`ob2-copy-mismatch`) and the
 * fetched copy is what gets verified and summarised.
 *
 * @example
 * const copy = await fetchHostedAssertion('https://vendor.example/assertions/42', undefined, links);
 * if (copy.kind === 'revoked') console.log(copy.check.code); // 'revoked'
 */
export async function fetchHostedAssertion(
  url: string,
  given: Json | undefined,
  links: LinkedDocuments,
): Promise<HostedCopy> {
  if (!url.startsWith('https://')) {
    return failed(Codes.ob2AssertionUnreachable, `A hosted assertion needs an https id; ${url} is not one.`);
  }
  const fetched = await links.get(url);
  if (!fetched.ok) {
    if (fetched.status === 410) {
      return {
        kind: 'revoked',
        check: result(
          'status',
          'fail',
          Codes.revoked,
          'The issuer has revoked this badge (its assertion URL answers 410 Gone).',
        ),
      };
    }
    return failed(
      Codes.ob2AssertionUnreachable,
      `The assertion could not be fetched from the issuer: ${fetched.reason}`,
    );
  }
  const assertion = fetched.document;
  if (!isOb2Assertion(assertion)) {
    return failed(Codes.ob2AssertionUnreachable, `${url} does not hold an Open Badges 2.0 assertion.`);
  }
  if (assertion.id !== url) {
    return failed(
      Codes.ob2IdMismatch,
      `The assertion fetched from ${url} names another id (${String(assertion.id)}).`,
    );
  }
  if (given && !isDeepStrictEqual(given, assertion)) {
    return {
      kind: 'fetched',
      assertion,
      mismatch: result(
        'proof',
        'fail',
        Codes.ob2CopyMismatch,
        'The assertion sent differs from the copy the issuer hosts; only the hosted copy is trusted.',
      ),
    };
  }
  return { kind: 'fetched', assertion };
}

function failed(code: CheckResult['code'], message: string): HostedCopy {
  return { kind: 'failed', check: result('proof', 'fail', code, message) };
}
