import { describe, expect, it } from 'vitest';
import { bakePng } from '../../src/index.js';
import {
  gradientPng,
  internationalTextChunk,
  textChunk,
  utf8,
  withChunksAfterHeader,
} from '../bake/images.js';
import {
  ASSERTION_URL,
  BADGE_URL,
  codesOf,
  hostedAssertion,
  ISSUER_URL,
  ob2Issuer,
  signAssertion,
  signedAssertion,
} from './ob2-issuer.js';

const svg = (inner: string) =>
  utf8(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="1" height="1">${inner}<rect width="1" height="1"/></svg>`,
  );

describe('baked Open Badges 2.0 images', () => {
  it('verifies a PNG whose openbadges iTXt chunk holds the hosted assertion URL', async () => {
    const issuer = ob2Issuer();
    const png = withChunksAfterHeader(gradientPng(), internationalTextChunk('openbadges', ASSERTION_URL));
    const report = await issuer.verifier()(png);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.format).toBe('ob2-hosted');
    expect(issuer.requests).toEqual([ASSERTION_URL, BADGE_URL, ISSUER_URL]);
  });

  it('verifies a PNG whose legacy tEXt chunk holds the assertion JSON', async () => {
    const issuer = ob2Issuer();
    const png = withChunksAfterHeader(
      gradientPng(),
      textChunk('openbadges', JSON.stringify(hostedAssertion())),
    );
    const report = await issuer.verifier()(png);
    expect(report.verified).toBe(true);
    expect(codesOf(report).proof).toEqual(['ob2-hosted-ok']);
  });

  it('verifies a signed assertion baked into a PNG with core’s bakePng', async () => {
    const issuer = ob2Issuer();
    const jws = await signAssertion(signedAssertion(), issuer.privateKey);
    const report = await issuer.verifier()(bakePng(gradientPng(), jws));
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.format).toBe('ob2-signed');
  });

  it('verifies SVGs whose openbadges:assertion holds the URL or the JWS', async () => {
    const issuer = ob2Issuer();
    const byUrl = await issuer.verifier()(svg(`<openbadges:assertion verify="${ASSERTION_URL}"/>`));
    expect(byUrl.verified).toBe(true);
    const jws = await signAssertion(signedAssertion(), issuer.privateKey);
    const signed = await issuer.verifier()(
      svg(`<openbadges:assertion verify="${jws}"></openbadges:assertion>`),
    );
    expect(signed.verified).toBe(true);
    expect(signed.credentials[0]?.format).toBe('ob2-signed');
  });

  it('verifies a PNG whose openbadges chunk holds a JWS, and an SVG holding the assertion JSON as CDATA', async () => {
    const issuer = ob2Issuer();
    const jws = await signAssertion(signedAssertion(), issuer.privateKey);
    const png = withChunksAfterHeader(gradientPng(), internationalTextChunk('openbadges', jws));
    const signed = await issuer.verifier()(png);
    expect(signed.verified).toBe(true);
    expect(signed.credentials[0]?.format).toBe('ob2-signed');

    const json = JSON.stringify(hostedAssertion());
    const hosted = await issuer.verifier()(
      svg(`<openbadges:assertion><![CDATA[${json}]]></openbadges:assertion>`),
    );
    expect(hosted.verified).toBe(true);
    expect(hosted.credentials[0]?.format).toBe('ob2-hosted');
  });

  it('reports a baked badge whose assertion was revoked', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ASSERTION_URL, {}, 410);
    const png = withChunksAfterHeader(gradientPng(), internationalTextChunk('openbadges', ASSERTION_URL));
    const report = await issuer.verifier()(png);
    expect(report.verified).toBe(false);
    expect(codesOf(report).status).toEqual(['revoked']);
  });
});
