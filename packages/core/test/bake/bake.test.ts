import { describe, expect, it } from 'vitest';
import { bake } from '../../src/bake/bake.js';
import { maxImageBytes } from '../../src/bake/image-limits.js';
import { unbake } from '../../src/bake/unbake.js';
import { signedCredentialJwt } from './credentials.js';
import {
  gradientPng,
  plainSvg,
  referenceCredential,
  textChunk,
  utf8,
  withChunksAfterHeader,
} from './images.js';

describe('bake and unbake', () => {
  it('choose the PNG format from the bytes and round trip a JWT', async () => {
    const jwt = await signedCredentialJwt();
    expect(unbake(bake(gradientPng(), jwt))).toEqual({
      imageType: 'png',
      openBadgesVersion: '3.0',
      payload: jwt,
    });
  });

  it('choose the SVG format from the bytes and round trip a JSON credential', () => {
    const credential = referenceCredential();
    const badge = unbake(bake(utf8(plainSvg), credential));
    expect(badge).toMatchObject({ imageType: 'svg', openBadgesVersion: '3.0' });
    expect(JSON.parse(badge?.payload ?? '')).toEqual(credential);
  });

  it('unbake reads an Open Badges 2.0 vendor badge as version 2.0', () => {
    const png = withChunksAfterHeader(gradientPng(), textChunk('openbadges', 'https://vendor.example/a/9'));
    expect(unbake(png)).toMatchObject({ openBadgesVersion: '2.0', payload: 'https://vendor.example/a/9' });
  });

  it('unbake returns undefined for images without a badge', () => {
    expect(unbake(gradientPng())).toBeUndefined();
    expect(unbake(utf8(plainSvg))).toBeUndefined();
  });

  it('reject bytes that are neither PNG nor SVG with image-unsupported', () => {
    const json = utf8(JSON.stringify(referenceCredential()));
    expect(() => unbake(json)).toThrow(expect.objectContaining({ code: 'image-unsupported' }));
    expect(() => bake(json, referenceCredential())).toThrow(
      expect.objectContaining({ code: 'image-unsupported' }),
    );
  });

  it('reject an image over the size limit with image-invalid', () => {
    const huge = new Uint8Array(maxImageBytes + 1);
    huge.set(gradientPng().subarray(0, 8));
    expect(() => unbake(huge)).toThrow(expect.objectContaining({ code: 'image-invalid' }));
    expect(() => bake(huge, referenceCredential())).toThrow(
      expect.objectContaining({ code: 'image-invalid' }),
    );
  });
});
