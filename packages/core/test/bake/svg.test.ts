import { describe, expect, it } from 'vitest';
import { bakeSvg, unbakeSvg } from '../../src/bake/svg.js';
import { signedCredentialJwt } from './credentials.js';
import { plainSvg, referenceCredential, text, utf8 } from './images.js';

const ob3 = 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"';
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('bakeSvg', () => {
  it('round trips a JSON credential in CDATA', () => {
    const credential = referenceCredential();
    const baked = bakeSvg(utf8(plainSvg), credential);
    expect(text(baked)).toContain(
      `<openbadges:credential><![CDATA[${JSON.stringify(credential)}]]></openbadges:credential>`,
    );
    const badge = unbakeSvg(baked);
    expect(badge).toMatchObject({ imageType: 'svg', openBadgesVersion: '3.0' });
    expect(JSON.parse(badge?.payload ?? '')).toEqual(credential);
  });

  it('round trips a compact JWT in the verify attribute', async () => {
    const jwt = await signedCredentialJwt();
    const baked = text(bakeSvg(plainSvg, jwt));
    expect(baked).toContain(`<openbadges:credential verify="${jwt}"></openbadges:credential>`);
    expect(unbakeSvg(utf8(baked))).toEqual({ imageType: 'svg', openBadgesVersion: '3.0', payload: jwt });
  });

  it('declares the namespace on the root and makes the credential its first child, keeping the rest', () => {
    const baked = text(bakeSvg(plainSvg, referenceCredential()));
    const rootStart = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"';
    expect(baked).toContain(`${rootStart} ${ob3}><openbadges:credential>`);
    const withoutBadge = baked
      .replace(/ xmlns:openbadges="[^"]*"/, '')
      .replace(/<openbadges:credential>.*?<\/openbadges:credential>/s, '');
    expect(withoutBadge).toBe(plainSvg);
  });

  it('splits CDATA so a credential containing "]]>" survives', () => {
    const credential = { ...referenceCredential(), description: 'arrays like a[b[0]]> end here' };
    const baked = bakeSvg(plainSvg, credential);
    expect(text(baked)).toContain(']]]]><![CDATA[>');
    expect(JSON.parse(unbakeSvg(baked)?.payload ?? '')).toEqual(credential);
  });

  it('replaces an existing credential and does not declare the namespace twice', async () => {
    const jwt = await signedCredentialJwt();
    const rebaked = text(bakeSvg(bakeSvg(plainSvg, referenceCredential()), jwt));
    expect(occurrences(rebaked, '<openbadges:credential')).toBe(1);
    expect(occurrences(rebaked, 'xmlns:openbadges=')).toBe(1);
    expect(unbakeSvg(utf8(rebaked))?.payload).toBe(jwt);
  });

  it('bakes into a self-closing root element', async () => {
    const jwt = await signedCredentialJwt();
    const baked = text(bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', jwt));
    expect(baked).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" ${ob3}><openbadges:credential verify="${jwt}"></openbadges:credential></svg>`,
    );
  });

  it('re-binds the prefix on the element when the root binds it to the Open Badges 2.0 namespace', () => {
    const vendor =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">' +
      '<openbadges:assertion verify="https://vendor.example/a/1"/><rect width="1" height="1"/></svg>';
    const baked = bakeSvg(vendor, referenceCredential());
    expect(text(baked)).toContain(`<openbadges:credential ${ob3}><![CDATA[`);
    expect(unbakeSvg(baked)?.openBadgesVersion).toBe('3.0');
    expect(text(baked)).toContain('<openbadges:assertion verify="https://vendor.example/a/1"/>');
  });

  it('refuses malformed SVG with image-invalid', () => {
    expect(() => bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', referenceCredential())).toThrow(
      expect.objectContaining({ code: 'image-invalid' }),
    );
  });
});

describe('unbakeSvg', () => {
  it('returns undefined for an SVG without a badge', () => {
    expect(unbakeSvg(utf8(plainSvg))).toBeUndefined();
  });

  it('reads an Open Badges 2.0 assertion URL from the verify attribute', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">' +
      '<openbadges:assertion verify="https://vendor.example/assertions/42"></openbadges:assertion></svg>';
    expect(unbakeSvg(utf8(svg))).toEqual({
      imageType: 'svg',
      openBadgesVersion: '2.0',
      payload: 'https://vendor.example/assertions/42',
    });
  });

  it('reads a verify attribute in single quotes, after other attributes, with XML entities decoded', () => {
    const svg =
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:openbadges='http://openbadges.org'>" +
      "<openbadges:assertion id='a1' data-x=\"1\" verify='https://vendor.example/a?x=1&amp;y=&quot;2&quot;&amp;z=&lt;&gt;&apos;'/></svg>";
    expect(unbakeSvg(utf8(svg))?.payload).toBe('https://vendor.example/a?x=1&y="2"&z=<>\'');
  });

  it('reads a JSON credential written as plain text with entities instead of CDATA', () => {
    const credential = { name: 'A & B <Level 2>' };
    const escaped = JSON.stringify(credential)
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('"', '&quot;');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" ${ob3}>\n  <openbadges:credential>\n    ${escaped}\n  </openbadges:credential>\n</svg>`;
    expect(unbakeSvg(utf8(svg))?.payload).toBe(JSON.stringify(credential));
  });

  it('matches the credential element by namespace, whatever its prefix', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0">' +
      '<ob:credential verify="a.b.c"/></svg>';
    expect(unbakeSvg(utf8(svg))).toMatchObject({ openBadgesVersion: '3.0', payload: 'a.b.c' });
  });

  it('reads an openbadges prefix that was never declared', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify="https://v.example/1"/></svg>';
    expect(unbakeSvg(utf8(svg))).toMatchObject({ openBadgesVersion: '2.0', payload: 'https://v.example/1' });
  });

  it('ignores a credential element inside a comment', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" ${ob3}><!-- <openbadges:credential verify="x.y.z"/> --></svg>`;
    expect(unbakeSvg(utf8(svg))).toBeUndefined();
  });

  it('prefers the Open Badges 3.0 credential when a 2.0 assertion is also present', () => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob2="http://openbadges.org" ${ob3}>` +
      '<ob2:assertion verify="https://v.example/1"/><openbadges:credential verify="a.b.c"/></svg>';
    expect(unbakeSvg(utf8(svg))).toMatchObject({ openBadgesVersion: '3.0', payload: 'a.b.c' });
  });

  it('reports an SVG carrying two credentials as image-invalid', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" ${ob3}><openbadges:credential verify="a.b.c"/><openbadges:credential verify="d.e.f"/></svg>`;
    expect(() => unbakeSvg(utf8(svg))).toThrow(expect.objectContaining({ code: 'image-invalid' }));
  });

  it('reports bytes that are not UTF-8 as image-invalid', () => {
    const bytes = new Uint8Array([
      ...utf8('<svg xmlns="http://www.w3.org/2000/svg"><text>'),
      0xff,
      0xfe,
      ...utf8('</text></svg>'),
    ]);
    expect(() => unbakeSvg(bytes)).toThrow(expect.objectContaining({ code: 'image-invalid' }));
  });
});
