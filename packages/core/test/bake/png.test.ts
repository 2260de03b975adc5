import { describe, expect, it } from 'vitest';
import { bakePng, unbakePng } from '../../src/bake/png.js';
import { signedCredentialJwt } from './credentials.js';
import {
  decodePng,
  gradientPng,
  internationalTextChunk,
  listChunks,
  pngChunk,
  referenceCredential,
  textChunk,
  withChunksAfterHeader,
} from './images.js';

const badgeChunks = (png: Uint8Array) =>
  listChunks(png).filter(
    (chunk) => chunk.type === 'iTXt' && chunk.data.toString('latin1').startsWith('openbadgecredential\0'),
  );

describe('bakePng', () => {
  it('round trips a JSON credential through a PNG', () => {
    const credential = referenceCredential();
    const badge = unbakePng(bakePng(gradientPng(), credential));
    expect(badge).toMatchObject({ imageType: 'png', openBadgesVersion: '3.0' });
    expect(JSON.parse(badge?.payload ?? '')).toEqual(credential);
  });

  it('round trips a compact JWT credential through a PNG', async () => {
    const jwt = await signedCredentialJwt();
    expect(unbakePng(bakePng(gradientPng(), jwt))).toEqual({
      imageType: 'png',
      openBadgesVersion: '3.0',
      payload: jwt,
    });
  });

  it('writes one uncompressed iTXt chunk with empty language and translated keyword right after IHDR', async () => {
    const jwt = await signedCredentialJwt();
    const chunks = listChunks(bakePng(gradientPng(), jwt));
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect(chunks[1]?.data.toString('latin1')).toBe(`openbadgecredential\0\0\0\0\0${jwt}`);
  });

  it('keeps the image intact: same size and pixels when decoded by pngjs', () => {
    const original = gradientPng(9, 4);
    const baked = decodePng(bakePng(original, referenceCredential()));
    const source = decodePng(original);
    expect([baked.width, baked.height]).toEqual([9, 4]);
    expect(Buffer.compare(baked.data, source.data)).toBe(0);
  });

  it('replaces an existing credential when baking again, leaving a single chunk', async () => {
    const jwt = await signedCredentialJwt();
    const rebaked = bakePng(bakePng(gradientPng(), referenceCredential()), jwt);
    expect(badgeChunks(rebaked)).toHaveLength(1);
    expect(unbakePng(rebaked)?.payload).toBe(jwt);
  });

  it('stores non-ASCII text as UTF-8', () => {
    const credential = { ...referenceCredential(), name: 'Compétence numérique ✓' };
    expect(JSON.parse(unbakePng(bakePng(gradientPng(), credential))?.payload ?? '')).toEqual(credential);
  });

  it('keeps an Open Badges 2.0 assertion but reads the 3.0 credential first', () => {
    const vendor = withChunksAfterHeader(
      gradientPng(),
      internationalTextChunk('openbadges', 'https://vendor.example/a/1'),
    );
    const baked = bakePng(vendor, referenceCredential());
    expect(unbakePng(baked)?.openBadgesVersion).toBe('3.0');
    expect(listChunks(baked).some((chunk) => chunk.data.toString('latin1').startsWith('openbadges\0'))).toBe(
      true,
    );
  });

  it('rejects a string that is not a compact JWT with invalid-options', () => {
    expect(() => bakePng(gradientPng(), '{"type":"VerifiableCredential"}')).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
    expect(() => bakePng(gradientPng(), ['not', 'a', 'credential'])).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });

  it('refuses to bake into a corrupted PNG', () => {
    const corrupted = gradientPng();
    corrupted[40] = (corrupted[40] ?? 0) ^ 0xff;
    expect(() => bakePng(corrupted, referenceCredential())).toThrow(
      expect.objectContaining({ code: 'image-invalid' }),
    );
  });
});

describe('unbakePng', () => {
  it('returns undefined for a PNG without a badge', () => {
    expect(unbakePng(gradientPng())).toBeUndefined();
  });

  it('reads an Open Badges 2.0 hosted assertion URL from a tEXt chunk', () => {
    const png = withChunksAfterHeader(
      gradientPng(),
      textChunk('openbadges', 'https://vendor.example/assertions/42'),
    );
    expect(unbakePng(png)).toEqual({
      imageType: 'png',
      openBadgesVersion: '2.0',
      payload: 'https://vendor.example/assertions/42',
    });
  });

  it('reads an Open Badges 2.0 hosted assertion URL from an iTXt chunk', () => {
    const png = withChunksAfterHeader(
      gradientPng(),
      internationalTextChunk('openbadges', 'https://vendor.example/a/7'),
    );
    expect(unbakePng(png)).toEqual({
      imageType: 'png',
      openBadgesVersion: '2.0',
      payload: 'https://vendor.example/a/7',
    });
  });

  it('reads a credential from a compressed iTXt chunk written by a non-conforming baker', () => {
    const json = JSON.stringify(referenceCredential());
    const png = withChunksAfterHeader(
      gradientPng(),
      internationalTextChunk('openbadgecredential', json, { compressed: true }),
    );
    expect(unbakePng(png)?.payload).toBe(json);
  });

  it('ignores text chunks with other keywords', () => {
    const png = withChunksAfterHeader(
      gradientPng(),
      textChunk('Comment', 'openbadges'),
      textChunk('Software', 'x'),
    );
    expect(unbakePng(png)).toBeUndefined();
  });

  it('reports a PNG carrying two credentials as image-invalid', () => {
    const png = withChunksAfterHeader(
      gradientPng(),
      internationalTextChunk('openbadgecredential', '{"a":1}'),
      internationalTextChunk('openbadgecredential', '{"a":2}'),
    );
    expect(() => unbakePng(png)).toThrow(expect.objectContaining({ code: 'image-invalid' }));
  });

  it('reports a PNG with a bad CRC as image-invalid', () => {
    const png = gradientPng();
    const idat = listChunks(png).findIndex((chunk) => chunk.type === 'IDAT');
    expect(idat).toBe(1);
    png[33 + 8] = (png[33 + 8] ?? 0) ^ 0x01;
    expect(() => unbakePng(png)).toThrow(expect.objectContaining({ code: 'image-invalid' }));
  });

  it('reports a truncated PNG as image-invalid', () => {
    const png = gradientPng();
    expect(() => unbakePng(png.subarray(0, png.length - 20))).toThrow(
      expect.objectContaining({ code: 'image-invalid' }),
    );
    expect(() => unbakePng(png.subarray(0, 8))).toThrow(expect.objectContaining({ code: 'image-invalid' }));
  });

  it('reports a chunk claiming gigabytes as image-invalid without allocating them', () => {
    const png = withChunksAfterHeader(gradientPng(), pngChunk('tEXt', new Uint8Array(4)));
    Buffer.from(png.buffer, png.byteOffset).writeUInt32BE(0xfffffff0, 33);
    expect(() => unbakePng(png)).toThrow(expect.objectContaining({ code: 'image-invalid' }));
  });

  it('reports bytes that are not a PNG as image-unsupported', () => {
    expect(() => unbakePng(new TextEncoder().encode('GIF89a'))).toThrow(
      expect.objectContaining({ code: 'image-unsupported' }),
    );
  });
});
