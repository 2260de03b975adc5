import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * Test images made without the code under test: pixels by pngjs, text chunks by a few lines written here from
 * the PNG specification, and SVGs by hand.
 */

/** A small OB 3.0 credential from the repository's examples (any credential does: baking only carries it). */
export function referenceCredential(): Record<string, unknown> {
  const url = new URL(
    '../../../../examples/credentials/open-badge-credential-community-badge.json',
    import.meta.url,
  );
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** A small RGBA PNG with a gradient, so a damaged pixel stream would show in the decoded data. */
export function gradientPng(width = 7, height = 5): Uint8Array {
  const png = new PNG({ width, height });
  for (let index = 0; index < png.data.length; index += 1) png.data[index] = (index * 37) % 256;
  return new Uint8Array(PNG.sync.write(png));
}

export function decodePng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

/** A chunk as the PNG spec lays it out: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return chunk;
}

export function textChunk(keyword: string, text: string): Uint8Array {
  return pngChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
}

export function internationalTextChunk(
  keyword: string,
  text: string,
  options: { compressed?: boolean } = {},
): Uint8Array {
  const textBytes = options.compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
  const header = Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, options.compressed ? 1 : 0, 0, 0, 0]),
  ]);
  return pngChunk('iTXt', Buffer.concat([header, textBytes]));
}

/** Inserts chunks right after IHDR, which is always the 25 bytes following the 8-byte signature. */
export function withChunksAfterHeader(png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

export interface ListedChunk {
  type: string;
  data: Buffer;
}

/** Lists a PNG's chunks by reading the length fields directly. */
export function listChunks(png: Uint8Array): ListedChunk[] {
  const bytes = Buffer.from(png);
  const chunks: ListedChunk[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    chunks.push({
      type: bytes.toString('latin1', offset + 4, offset + 8),
      data: bytes.subarray(offset + 8, offset + 8 + length),
    });
    offset += length + 12;
  }
  return chunks;
}

export const plainSvg =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' +
  '<!-- badge artwork -->\n' +
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">\n' +
  '  <circle cx="32" cy="32" r="30" fill="#1e6bd6"/>\n' +
  '  <text x="32" y="38" text-anchor="middle">A &amp; B</text>\n' +
  '</svg>\n';

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
