import type { EncodedListForm } from './encoded-list.js';

/**
 * The two bitstring status methods: W3C Bitstring Status List (VC 2.0) and its predecessor, the W3C CCG
 * StatusList2021 (VC 1.1 era). They share the entry fields and the bit layout; they differ in type names and in
 * how `encodedList` is spelled.
 */
export interface StatusListFormat {
  /** The name used in messages. */
  name: string;
  /** `credentialStatus.type`. */
  entryType: string;
  /** The list credential's `type` (beside `VerifiableCredential`). */
  credentialType: string;
  /** The type of the list credential's `credentialSubject`. */
  subjectType: string;
  encoding: EncodedListForm;
}

export const BITSTRING_STATUS_LIST: StatusListFormat = {
  name: 'Bitstring Status List',
  entryType: 'BitstringStatusListEntry',
  credentialType: 'BitstringStatusListCredential',
  subjectType: 'BitstringStatusList',
  encoding: 'multibase',
};

export const STATUS_LIST_2021: StatusListFormat = {
  name: 'StatusList2021',
  entryType: 'StatusList2021Entry',
  credentialType: 'StatusList2021Credential',
  subjectType: 'StatusList2021',
  encoding: 'base64',
};

/** The bitstring format whose entry type is among `types`, if any. */
export function statusListFormatOf(types: readonly string[]): StatusListFormat | undefined {
  return [BITSTRING_STATUS_LIST, STATUS_LIST_2021].find((format) => types.includes(format.entryType));
}
