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
 * Decodes an `encodedList` into a list whose bits can be read with `getStatus(index)`. Throws `Error` for
 * anything that is not a multibase base64url GZIP stream, or that decodes to more than `maxBytes`.
 *
 * @example
 * const list = decodeStatusList(credential.credentialSubject.encodedList);
 * list.getStatus(94567); // true when the bit is set
 */
export function decodeStatusList(
  encodedList: string,
  options: { maxBytes?: number } = {},
): BitstringStatusList {
  if (!encodedList.startsWith('u')) throw new Error('encodedList must start with the multibase prefix "u".');
  const text = encodedList.slice(1);
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('encodedList is not base64url.');
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
