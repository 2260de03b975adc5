import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import type { LinkedDocuments } from './linked-documents.js';
import { type Json, objectOf, stringOf, typesOf } from './ob2-assertion.js';

/** The BadgeClass and issuer Profile an assertion leads to, or the `issuer` check that says why not. */
export type BadgeAndIssuer = { badge: Json; issuer: Json } | { check: CheckResult; badge?: Json };

/**
 * Follows `assertion.badge` (a URL, fetched, or the embedded BadgeClass) and then the BadgeClass's `issuer`.
 * The issuer Profile is always fetched from its https `id`, even when embedded: its verification policy, keys
 * and revocation list are what make an assertion trustworthy, so they must come from the issuer's own server.
 *
 * @example
 * const linked = await badgeAndIssuerOf(assertion, createLinkedDocuments(safeFetch));
 * if ('issuer' in linked) console.log(linked.issuer.name);
 */
export async function badgeAndIssuerOf(assertion: Json, links: LinkedDocuments): Promise<BadgeAndIssuer> {
  let badge = objectOf(assertion.badge);
  const badgeUrl = stringOf(assertion.badge);
  if (badgeUrl) {
    const fetched = await links.get(badgeUrl);
    if (!fetched.ok)
      return {
        check: fail(Codes.ob2BadgeUnreachable, `The BadgeClass could not be fetched: ${fetched.reason}`),
      };
    if (fetched.document.id !== badgeUrl) {
      return {
        check: fail(
          Codes.ob2IdMismatch,
          `The BadgeClass at ${badgeUrl} names another id (${String(fetched.document.id)}).`,
        ),
      };
    }
    badge = fetched.document;
  }
  if (!badge || !typesOf(badge).includes('BadgeClass')) {
    return { check: fail(Codes.ob2BadgeUnreachable, 'The assertion’s badge is not a BadgeClass.') };
  }
  const issuerId = stringOf(badge.issuer) ?? stringOf(objectOf(badge.issuer)?.id);
  if (!issuerId?.startsWith('https://')) {
    return {
      badge,
      check: fail(Codes.ob2IssuerUnreachable, 'The BadgeClass names no issuer profile with an https id.'),
    };
  }
  const fetched = await links.get(issuerId);
  if (!fetched.ok) {
    return {
      badge,
      check: fail(Codes.ob2IssuerUnreachable, `The issuer profile could not be fetched: ${fetched.reason}`),
    };
  }
  if (fetched.document.id !== issuerId) {
    return {
      badge,
      check: fail(
        Codes.ob2IdMismatch,
        `The issuer profile at ${issuerId} names another id (${String(fetched.document.id)}).`,
      ),
    };
  }
  return { badge, issuer: fetched.document };
}

function fail(code: CheckResult['code'], message: string): CheckResult {
  return result('issuer', 'fail', code, message);
}
