import { gunzipSync } from 'node:zlib';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';

/**
 * Largest decoded list accepted, in bytes (16 MiB = 134 million entries, far beyond any real list). A gzip
 * stream expands up to ~1000 times, so a 1 MiB download could otherwise become a gigabyte in memory.
 */
export const MAX_DECODED_LIST_BYTES = 16 * 1024 * 1024;

/**
 * Encodes a bitstring the way the W3C Bitstring Status List spec asks: GZIP, then multibase base64url (no
 * padding, `u` prefix). Bit 0 is the most significant bit of byte 0.
 *
 * @example
 * const encodedList = await encodeStatusList(new Uint8Array(16384)); // 'uH4sIAAAAAAAA…'
 */
export async function encodeStatusList(bits: Uint8Array): Promise<string> {
  // A fresh copy: the library views `buffer.buffer` whole, which is wrong for a Buffer sliced from a pool.
  return new BitstringStatusList({ buffer: new Uint8Array(bits) }).encode();
}

/**
 * How an `encodedList` is spelled: `multibase` (W3C Bitstring Status List: base64url with the multibase `u`
 * prefix) or `base64` (W3C CCG StatusList2021: base64 with no prefix; that spec does not pin the alphabet down,
 * so both alphabets and padding are read, and a `u` prefix is tolerated since a GZIP stream in base64 always
 * starts `H4sI` and so never starts with `u` itself).
 */
export type EncodedListForm = 'multibase' | 'base64';

/**
 * Decodes an `encodedList` into a list whose bits can be read with `getStatus(index)`. Throws `Error` for
 * anything that is not a base64 GZIP stream in the expected `form` (default `multibase`), or that decodes to
 * more than `maxBytes`. Both forms share one bit layout: bit 0 is the most significant bit of byte 0.
 *
 * @example
 * const list = decodeStatusList(credential.credentialSubject.encodedList);
 * list.getStatus(94567); // true when the bit is set
 * decodeStatusList(statusList2021.credentialSubject.encodedList, { form: 'base64' });
 */
export function decodeStatusList(
  encodedList: string,
  options: { maxBytes?: number; form?: EncodedListForm } = {},
): BitstringStatusList {
  let text: string;
  if ((options.form ?? 'multibase') === 'multibase') {
    if (!encodedList.startsWith('u')) {
      throw new Error('encodedList must start with the multibase prefix "u".');
    }
    text = encodedList.slice(1);
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('encodedList is not base64url.');
  } else {
    text = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
    // Node's base64url decoder reads both alphabets; padding is dropped first.
    if (!/^[A-Za-z0-9_+/-]+={0,2}$/.test(text)) throw new Error('encodedList is not base64.');
    text = text.replace(/=+$/, '');
  }
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(text, 'base64url'), {
      maxOutputLength: options.maxBytes ?? MAX_DECODED_LIST_BYTES,
    });
  } catch (error) {
    throw new Error(`encodedList is not a GZIP stream within the size limit: ${(error as Error).message}`);
  }
  if (bits.length === 0) throw new Error('encodedList decodes to an empty list.');
  return new BitstringStatusList({ buffer: new Uint8Array(bits) });
}
