import { Codes } from '../codes.js';
import { type EntryCheckContext, type EntryOutcome, failed, usableList } from './entry-outcome.js';
import { BITSTRING_STATUS_LIST, type StatusListFormat } from './status-list-format.js';
import { statusListReader } from './status-list-loader.js';

/**
 * Checks one `BitstringStatusListEntry` or `StatusList2021Entry`: fetches and verifies the list credential it
 * names, checks that the list's issuer is the credential's issuer, that its purpose is the entry's, that it has
 * not expired and that the index is inside it, then reads the bit. Revocation and suspension are checked;
 * other purposes and multi-bit statuses are `status-type-unsupported` (warn), never "not revoked".
 *
 * @example
 * const outcome = await checkStatusListEntry(entry, BITSTRING_STATUS_LIST, context);
 * // { outcome: 'fail', code: 'revoked', message: 'The issuer has revoked this credential.' }
 */
export async function checkStatusListEntry(
  entry: Record<string, unknown>,
  format: StatusListFormat,
  context: EntryCheckContext,
): Promise<EntryOutcome> {
  const purpose = entry.statusPurpose;
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    return {
      outcome: 'warn',
      code: Codes.statusTypeUnsupported,
      message: `The status purpose ${String(purpose)} is not checked (only revocation and suspension are).`,
    };
  }
  if (entry.statusSize !== undefined && Number(entry.statusSize) !== 1) {
    // Multi-bit statuses carry messages (statusMessage), not a yes/no we could report as revoked or not.
    return {
      outcome: 'warn',
      code: Codes.statusTypeUnsupported,
      message: `A status of ${String(entry.statusSize)} bits is not checked (only single-bit revocation and suspension are).`,
    };
  }
  const index = indexOf(entry.statusListIndex);
  const url = entry.statusListCredential;
  if (index === undefined || typeof url !== 'string' || url === '') {
    return failed(
      Codes.statusListInvalid,
      `The ${format.entryType} needs a statusListIndex (a whole number) and a statusListCredential URL.`,
    );
  }
  const loaded = await context.load(url, statusListReader(format));
  const usable = usableList(loaded, context, {
    fetching: `The ${purpose} list (${format.name})`,
    issuing: 'The status list',
  });
  if ('problem' in usable) return usable.problem;
  const { list } = usable;
  if (list.purpose !== purpose) {
    return failed(
      Codes.statusListInvalid,
      `The status list is for ${list.purpose}, but the entry says ${purpose}.`,
    );
  }
  if (list.validUntil !== undefined && list.validUntil < context.now().getTime()) {
    return failed(Codes.statusListInvalid, 'The status list credential has expired.');
  }
  if (format === BITSTRING_STATUS_LIST && list.bits.length < context.minimumListBits) {
    return failed(
      Codes.statusListInvalid,
      `The status list has ${list.bits.length} entries, fewer than the ${context.minimumListBits} the Bitstring Status List spec requires (a list that small could reveal whose credential is checked).`,
    );
  }
  if (index >= list.bits.length) {
    return failed(
      Codes.statusListInvalid,
      `The status index ${index} is outside the list (${list.bits.length} entries).`,
    );
  }
  if (list.bits.getStatus(index)) {
    return purpose === 'revocation'
      ? failed(Codes.revoked, 'The issuer has revoked this credential.')
      : failed(Codes.suspended, 'The issuer has suspended this credential.');
  }
  return {
    outcome: 'pass',
    code: Codes.statusOk,
    message: purpose === 'revocation' ? 'Not revoked.' : 'Not suspended.',
  };
}

/** `statusListIndex` as the specs write it (a string of digits); a plain number is read too. */
function indexOf(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}
