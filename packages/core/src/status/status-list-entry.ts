/** Why a status list exists: the W3C Bitstring Status List `statusPurpose` values we issue and check. */
export type StatusPurpose = 'revocation' | 'suspension';

/** The `credentialStatus` item a credential carries for one status list bit. */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** The bit's position, as a string of decimal digits (the spec's form). */
  statusListIndex: string;
  /** URL of the `BitstringStatusListCredential` that holds the bit. */
  statusListCredential: string;
}

/**
 * The URL a status list credential is published at: `${baseUrl}/status/${listId}` (a trailing slash on the base
 * is ignored, the list id is URL-encoded).
 *
 * @example
 * statusListUrl('https://passport.example.org/', 'Zq3f'); // 'https://passport.example.org/status/Zq3f'
 */
export function statusListUrl(baseUrl: string, listId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/status/${encodeURIComponent(listId)}`;
}

/**
 * The `BitstringStatusListEntry` for bit `index` of the list published at `statusListCredential`.
 *
 * @example
 * createStatusListEntry({ statusListCredential: 'https://passport.example.org/status/Zq3f', index: 94567,
 *   purpose: 'revocation' });
 * // { id: 'https://passport.example.org/status/Zq3f#94567', type: 'BitstringStatusListEntry',
 * //   statusPurpose: 'revocation', statusListIndex: '94567', statusListCredential: '…/status/Zq3f' }
 */
export function createStatusListEntry(entry: {
  statusListCredential: string;
  index: number;
  purpose: StatusPurpose;
}): BitstringStatusListEntry {
  return {
    id: `${entry.statusListCredential}#${entry.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: entry.purpose,
    statusListIndex: String(entry.index),
    statusListCredential: entry.statusListCredential,
  };
}
