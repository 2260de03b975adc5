import { Codes } from '../codes.js';
import { issuerIdOf } from '../verify/format-check.js';
import { type EntryCheckContext, type EntryOutcome, failed, usableList } from './entry-outcome.js';
import { invalidList, type ListOutcome, type ListReader, type ListSignature } from './published-list.js';

/** `credentialStatus.type` of the 1EdTech Revocation List Status Method (Open Badges 3.0, CLR 2.0). */
export const REVOCATION_LIST_1EDTECH_TYPE = '1EdTechRevocationList';

/** Longest `revocationReason` quoted in a report, in characters. */
const MAX_REASON = 200;

/** A 1EdTech revocation list whose signature (when it has one) and shape were checked. */
export interface Verified1EdTechRevocationList {
  /** The URL it was fetched from; the list's own `id`. */
  url: string;
  /** The list's issuer id. */
  issuer: string;
  /** The ids of the revoked credentials, each with its `revocationReason` when the list gives one. */
  revoked: Map<string, string | undefined>;
  /** How the list was authenticated (a plain JSON list is trusted by its URL and issuer only). */
  signature: ListSignature;
}

/**
 * Reads a 1EdTech revocation list: `{ id, issuer, revokedCredentials: [{ id, revocationReason? }] }`, published
 * as plain JSON, as JSON with a Data Integrity proof, or as a compact JWT. Its `id` must be the URL it came from.
 */
export const revocationList1EdTechReader: ListReader<Verified1EdTechRevocationList> = {
  kind: '1EdTech revocation list',
  accept: 'application/json, application/ld+json;q=0.9, application/jwt;q=0.8',
  allowUnsigned: true,
  read: readRevocationList,
};

function readRevocationList(
  document: Record<string, unknown>,
  url: string,
  signature: ListSignature,
): ListOutcome<Verified1EdTechRevocationList> {
  // A list published for another URL (another issuer's, or an older copy) must not stand in for this one.
  if (document.id !== url) {
    return invalidList(
      `The revocation list's id (${String(document.id)}) is not the URL it was fetched from (${url}).`,
    );
  }
  const issuer = issuerIdOf(document);
  if (!issuer) return invalidList('The revocation list names no issuer.');
  const listed = document.revokedCredentials;
  if (!Array.isArray(listed)) return invalidList('The revocation list has no revokedCredentials array.');
  const revoked = new Map<string, string | undefined>();
  for (const item of listed) {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id === '') {
      return invalidList('The revocation list has a revokedCredentials entry without an id.');
    }
    const reason = (item as { revocationReason?: unknown }).revocationReason;
    // The reason is the issuer's free text, shown in the report: kept to one short line.
    const text = typeof reason === 'string' ? reason.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON) : '';
    revoked.set(id, text === '' ? undefined : text);
  }
  return { kind: 'ok', list: { url, issuer, revoked, signature } };
}

/**
 * Checks one `1EdTechRevocationList` entry: fetches the revocation list its `id` names (verifying it when it is
 * signed), requires the list to be the credential issuer's, and looks the credential's `id` up. A credential
 * without an `id` cannot be looked up (`status-list-invalid`); a list that cannot be fetched is
 * `status-list-unreachable`, never "not revoked".
 *
 * @example
 * const outcome = await check1EdTechRevocationEntry(
 *   { id: 'https://training.example.org/revocations', type: '1EdTechRevocationList' }, context);
 * // { outcome: 'fail', code: 'revoked', message: 'The issuer has revoked this credential (reason: …).' }
 */
export async function check1EdTechRevocationEntry(
  entry: Record<string, unknown>,
  context: EntryCheckContext,
): Promise<EntryOutcome> {
  const url = entry.id;
  if (typeof url !== 'string' || url === '') {
    return failed(
      Codes.statusListInvalid,
      'The 1EdTechRevocationList status entry needs an id: the URL of the revocation list.',
    );
  }
  const credentialId = context.credential.id;
  if (typeof credentialId !== 'string' || credentialId === '') {
    return failed(
      Codes.statusListInvalid,
      'The credential has no id, so it cannot be looked up in its 1EdTech revocation list.',
    );
  }
  const loaded = await context.load(url, revocationList1EdTechReader);
  const usable = usableList(loaded, context, {
    fetching: 'The revocation list (1EdTech)',
    issuing: 'The revocation list',
  });
  if ('problem' in usable) return usable.problem;
  const { list } = usable;
  if (list.revoked.has(credentialId)) {
    const reason = list.revoked.get(credentialId);
    return failed(
      Codes.revoked,
      reason
        ? `The issuer has revoked this credential (reason: ${reason}).`
        : 'The issuer has revoked this credential.',
    );
  }
  return { outcome: 'pass', code: Codes.statusOk, message: 'Not revoked.' };
}
