import { describe, expect, it } from 'vitest';
import { detectImageType, isImage } from '../../src/bake/image-type.js';
import { gradientPng, plainSvg, utf8 } from './images.js';

describe('detectImageType', () => {
  it('recognises a PNG by its signature', () => {
    expect(detectImageType(gradientPng())).toBe('png');
  });

  it('recognises an SVG after an XML declaration, a doctype with an internal subset and comments', () => {
    expect(detectImageType(utf8(plainSvg))).toBe('svg');
    const withSubset = '\uFEFF<!DOCTYPE svg [ <!ENTITY ns "x>y"> ]>\n<!-- a > b -->\n<svg/>';
    expect(detectImageType(utf8(withSubset))).toBe('svg');
  });

  it('does not take JSON, HTML, a JWT or a truncated PNG signature for an image', () => {
    for (const input of [
      '{"type":["VerifiableCredential"]}',
      '<html><svg></svg></html>',
      'eyJh.eyJ2.c2ln',
      '<svgx/>',
    ]) {
      expect(detectImageType(utf8(input))).toBeUndefined();
    }
    expect(isImage(gradientPng().subarray(0, 7))).toBe(false);
  });

  it('answers isImage for both formats', () => {
    expect(isImage(gradientPng())).toBe(true);
    expect(isImage(utf8('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(true);
    expect(isImage(new Uint8Array())).toBe(false);
  });
});
