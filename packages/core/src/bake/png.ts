import { inflateSync } from 'node:zlib';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { type BakedCredential, toBakedCredential } from './baked-credential.js';
import { assertImageSize, maxImageBytes } from './image-limits.js';
import { detectImageType } from './image-type.js';
import type { UnbakedBadge } from './unbaked-badge.js';

/** iTXt keyword of an Open Badges 3.0 credential. */
const credentialKeyword = 'openbadgecredential';
/** iTXt (or legacy tEXt) keyword of an Open Badges 2.0 assertion. */
const assertionKeyword = 'openbadges';

const signatureLength = 8;
// Length (4) + type (4) before the data, CRC (4) after it.
const chunkOverhead = 12;

/** Where one chunk sits in the file, so untouched chunks can be copied byte for byte. */
interface ChunkSpan {
  type: string;
  start: number;
  end: number;
}

/** A PNG text chunk (iTXt or tEXt) that carries a badge. */
interface BadgeTextChunk {
  keyword: string;
  text: string;
}

/**
 * Bakes a credential into a PNG as an uncompressed `iTXt` chunk with keyword `openbadgecredential`, placed right
 * after IHDR. An existing `openbadgecredential` chunk is replaced, never duplicated; every other chunk (pixels,
 * colour profile, an Open Badges 2.0 assertion) is copied unchanged.
 *
 * @example
 * const baked = bakePng(await readFile('badge.png'), signedCredential);
 * await writeFile('badge-baked.png', baked);
 */
export function bakePng(image: Uint8Array, credential: object | string): Uint8Array {
  const baked = toBakedCredential(credential);
  const { spans, chunks } = readPng(image);
  const badgeChunk = encodeBadgeChunk(baked);
  // Spans and chunks both list the file's chunks in order from IHDR to IEND, so an index names the same chunk.
  const kept = spans.filter((_span, index) => {
    const chunk = chunks[index];
    return !chunk || keywordOf(chunk.name, chunk.data) !== credentialKeyword;
  });
  const parts: Uint8Array[] = [image.subarray(0, signatureLength)];
  for (const span of kept) {
    parts.push(image.subarray(span.start, span.end));
    if (span.type === 'IHDR') parts.push(badgeChunk);
  }
  return concatenate(parts);
}

/**
 * Reads the badge out of a PNG: the Open Badges 3.0 `openbadgecredential` iTXt chunk, or else an Open Badges 2.0
 * `openbadges` iTXt/tEXt chunk. Returns undefined when there is none; throws `image-invalid` for a truncated or
 * corrupted PNG (bad CRC) and `image-unsupported` for bytes that are not a PNG.
 *
 * @example
 * unbakePng(bakePng(png, credential))?.payload; // the credential's JSON text
 */
export function unbakePng(image: Uint8Array): UnbakedBadge | undefined {
  const { chunks } = readPng(image);
  const textChunks = chunks.flatMap((chunk) => {
    const decoded = decodeTextChunk(chunk.name, chunk.data);
    return decoded ? [decoded] : [];
  });
  const credentials = textChunks.filter((chunk) => chunk.keyword === credentialKeyword);
  if (credentials.length > 1) {
    // The spec allows one; with two, different tools could show different credentials for the same image.
    throw new PassportError(Codes.imageInvalid, 'The PNG carries more than one openbadgecredential chunk.');
  }
  const credential = credentials[0];
  if (credential) return badge('3.0', credential.text);
  const assertion = textChunks.find((chunk) => chunk.keyword === assertionKeyword);
  return assertion ? badge('2.0', assertion.text) : undefined;
}

function badge(openBadgesVersion: '3.0' | '2.0', text: string): UnbakedBadge | undefined {
  const payload = text.trim();
  return payload ? { imageType: 'png', openBadgesVersion, payload } : undefined;
}

function readPng(image: Uint8Array): { spans: ChunkSpan[]; chunks: { name: string; data: Uint8Array }[] } {
  assertImageSize(image);
  if (detectImageType(image) !== 'png') {
    throw new PassportError(Codes.imageUnsupported, 'The bytes are not a PNG image.');
  }
  const spans = scanChunkSpans(image);
  let chunks: { name: string; data: Uint8Array }[];
  try {
    // The library checks every CRC, which is what catches a corrupted file.
    chunks = extractChunks(image);
  } catch (error) {
    throw new PassportError(Codes.imageInvalid, `The PNG is corrupted: ${(error as Error).message}`, error);
  }
  return { spans, chunks };
}

/**
 * Walks the chunk lengths before the chunk library reads the file: it trusts each length field and allocates
 * that much, so a corrupted length could ask for gigabytes, and a truncated file would be padded with zeros.
 */
function scanChunkSpans(image: Uint8Array): ChunkSpan[] {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const spans: ChunkSpan[] = [];
  let offset = signatureLength;
  while (offset + chunkOverhead <= image.length) {
    const length = view.getUint32(offset);
    const end = offset + chunkOverhead + length;
    if (length > maxImageBytes || end > image.length) break;
    const type = String.fromCharCode(...image.subarray(offset + 4, offset + 8));
    spans.push({ type, start: offset, end });
    if (type === 'IEND') return spans;
    offset = end;
  }
  throw new PassportError(Codes.imageInvalid, 'The PNG is truncated: it ends before its IEND chunk.');
}

function keywordOf(type: string, data: Uint8Array): string | undefined {
  if (type !== 'iTXt' && type !== 'tEXt') return undefined;
  const keywordEnd = data.indexOf(0);
  return keywordEnd === -1 ? undefined : latin1(data.subarray(0, keywordEnd));
}

function encodeBadgeChunk(baked: BakedCredential): Uint8Array {
  const encoder = new TextEncoder();
  // iTXt layout: keyword NUL, compression flag 0 and method 0 (the spec forbids compression), an empty
  // language tag NUL, an empty translated keyword NUL, then the UTF-8 text.
  const data = concatenate([
    encoder.encode(credentialKeyword),
    Uint8Array.of(0, 0, 0, 0, 0),
    encoder.encode(baked.text),
  ]);
  // The encoder writes a whole file; only the chunk after the signature is wanted. Re-encoding the other chunks
  // through it instead would copy the pixel data through plain arrays, seconds for a large image.
  return encodeChunks([{ name: 'iTXt', data }]).subarray(signatureLength);
}

function decodeTextChunk(type: string, data: Uint8Array): BadgeTextChunk | undefined {
  const keyword = keywordOf(type, data);
  if (keyword !== credentialKeyword && keyword !== assertionKeyword) return undefined;
  const keywordEnd = keyword.length;
  if (type === 'tEXt') return { keyword, text: latin1(data.subarray(keywordEnd + 1)) };

  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1) {
    throw new PassportError(Codes.imageInvalid, `The PNG's ${keyword} iTXt chunk is malformed.`);
  }
  const field = data.subarray(translatedEnd + 1);
  return { keyword, text: utf8(compressed ? inflate(field, keyword) : field, keyword) };
}

// Bakers must not compress, but a reader that accepts it costs little and helps with imported vendor badges.
function inflate(field: Uint8Array, keyword: string): Uint8Array {
  try {
    return inflateSync(field, { maxOutputLength: maxImageBytes });
  } catch (error) {
    throw new PassportError(Codes.imageInvalid, `The PNG's ${keyword} chunk cannot be decompressed.`, error);
  }
}

function utf8(bytes: Uint8Array, keyword: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new PassportError(Codes.imageInvalid, `The PNG's ${keyword} chunk is not valid UTF-8.`, error);
  }
}

// PNG keywords and tEXt are ISO 8859-1 text.
function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

function concatenate(parts: Uint8Array[]): Uint8Array {
  const output = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}
