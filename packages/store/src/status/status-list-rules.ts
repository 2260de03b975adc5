import { randomBytes } from 'node:crypto';
import type { StatusPurpose } from '../issuer-store.js';
import { StoreError, StoreErrorCodes } from '../store-error.js';

/**
 * Default bits per list: the W3C Bitstring Status List minimum (16 KB), which gives each credential
 * herd privacy among at least 131,072 others.
 */
export const DEFAULT_STATUS_LIST_SIZE = 131_072;

/** Largest allocation one call may ask for; a batch larger than this is a bug, not a workload. */
export const MAX_ALLOCATION_COUNT = 100_000;

const MAX_STATUS_LIST_SIZE = 2 ** 26;

/**
 * Checks the configured list size: a multiple of 8 (whole bytes), at least 131,072 unless the caller
 * explicitly allows small lists for tests, so production lists never lose their herd privacy.
 *
 * @example
 * checkStatusListSize(131072, false); // 131072
 */
export function checkStatusListSize(size: number, allowSmallListsForTesting: boolean): number {
  const minimum = allowSmallListsForTesting ? 8 : DEFAULT_STATUS_LIST_SIZE;
  if (!Number.isSafeInteger(size) || size % 8 !== 0 || size < minimum || size > MAX_STATUS_LIST_SIZE) {
    throw new StoreError(
      StoreErrorCodes.invalidArgument,
      `Status list size must be a multiple of 8 between ${minimum} and ${MAX_STATUS_LIST_SIZE}, got ${size}` +
        (allowSmallListsForTesting ? '.' : ' (smaller lists need allowSmallListsForTesting).'),
    );
  }
  return size;
}

/**
 * Validates an allocation request before any transaction starts.
 *
 * @example
 * checkAllocationRequest({ issuerId: 'acme', purpose: 'revocation', count: 100 });
 */
export function checkAllocationRequest(request: {
  issuerId: string;
  purpose: StatusPurpose;
  count: number;
}): void {
  if (typeof request.issuerId !== 'string' || request.issuerId === '') {
    throw new StoreError(StoreErrorCodes.invalidArgument, 'issuerId must be a non-empty string.');
  }
  if (request.purpose !== 'revocation' && request.purpose !== 'suspension') {
    throw new StoreError(StoreErrorCodes.invalidArgument, `purpose must be 'revocation' or 'suspension'.`);
  }
  if (!Number.isSafeInteger(request.count) || request.count < 1 || request.count > MAX_ALLOCATION_COUNT) {
    throw new StoreError(
      StoreErrorCodes.invalidArgument,
      `count must be an integer between 1 and ${MAX_ALLOCATION_COUNT}, got ${request.count}.`,
    );
  }
}

/**
 * Throws `status-index-out-of-range` unless `0 <= index < size`.
 *
 * @example
 * checkStatusIndex(5, 131072);
 */
export function checkStatusIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new StoreError(
      StoreErrorCodes.statusIndexOutOfRange,
      `Status index ${index} is outside the list's range [0, ${size}).`,
    );
  }
}

/**
 * A fresh list: random URL-safe id (it appears in status list credential URLs), random permutation seed,
 * all bits clear.
 *
 * @example
 * const list = newStatusList(131072); // { id: 'Zq3...', seed: Uint8Array(32), bits: Uint8Array(16384) }
 */
export function newStatusList(size: number): { id: string; seed: Buffer; bits: Buffer } {
  return { id: randomBytes(16).toString('base64url'), seed: randomBytes(32), bits: Buffer.alloc(size / 8) };
}

/**
 * Throws `status-list-unknown` for a list id that is not in the store.
 *
 * @example
 * if (!row) throw unknownStatusList(listId);
 */
export function unknownStatusList(listId: string): StoreError {
  return new StoreError(
    StoreErrorCodes.statusListUnknown,
    `No status list has id ${JSON.stringify(listId)}.`,
  );
}
