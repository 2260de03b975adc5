import { Codes } from '../codes.js';
import { type CheckResult, type Outcome, result } from '../verify/report.js';
import type { LinkedDocuments } from './linked-documents.js';
import { type Json, objectOf, stringOf } from './ob2-assertion.js';

/**
 * Is a signed assertion in its issuer's OB 2.0 `revocationList`? The list (a RevocationList document) names
 * revoked assertions by `id` (as strings or `{ id }` objects) or by `uid`. An issuer without a list cannot revoke
 * (`status-none`); a list that cannot be fetched is never "not revoked" (`status-list-unreachable`, warn or fail
 * per `unreachable`).
 *
 * @example
 * const check = await checkRevocationList(assertion, issuer, links, 'warn');
 * check.code; // 'status-ok', 'revoked', 'status-none', 'status-list-unreachable' or 'status-list-invalid'
 */
export async function checkRevocationList(
  assertion: Json,
  issuer: Json,
  links: LinkedDocuments,
  unreachable: Outcome,
): Promise<CheckResult> {
  const url = stringOf(issuer.revocationList);
  if (!url) {
    return result(
      'status',
      'skip',
      Codes.statusNone,
      'The issuer publishes no revocation list, so it cannot revoke this badge.',
    );
  }
  const fetched = await links.get(url);
  if (!fetched.ok) {
    return result(
      'status',
      unreachable,
      Codes.statusListUnreachable,
      `The revocation list could not be fetched, so the status is unknown: ${fetched.reason}`,
    );
  }
  const list = fetched.document;
  if (list.id !== undefined && list.id !== url) {
    return result(
      'status',
      'fail',
      Codes.statusListInvalid,
      `The revocation list at ${url} names another id.`,
    );
  }
  if (list.issuer !== undefined && (stringOf(list.issuer) ?? objectOf(list.issuer)?.id) !== issuer.id) {
    return result(
      'status',
      'fail',
      Codes.statusListInvalid,
      'The revocation list belongs to another issuer.',
    );
  }
  const revoked = list.revokedAssertions;
  if (!Array.isArray(revoked)) {
    return result(
      'status',
      'fail',
      Codes.statusListInvalid,
      'The revocation list has no revokedAssertions list.',
    );
  }
  const entry = revoked.find((item) => matches(item, assertion));
  if (entry !== undefined) {
    const reason = stringOf(objectOf(entry)?.revocationReason);
    return result(
      'status',
      'fail',
      Codes.revoked,
      `The issuer has revoked this badge${reason ? `: ${reason}` : '.'}`,
    );
  }
  return result('status', 'pass', Codes.statusOk, 'Not in the issuer’s revocation list.');
}

function matches(item: unknown, assertion: Json): boolean {
  if (typeof item === 'string') return item === assertion.id;
  const entry = objectOf(item);
  if (!entry) return false;
  if (entry.id !== undefined && entry.id === assertion.id) return true;
  return entry.uid !== undefined && entry.uid === assertion.uid;
}
