import { beforeAll, describe, expect, it } from 'vitest';
import type { PassportKeyPair } from '../../src/index.js';
import { keys, openBadge } from '../fixtures.js';
import {
  codesOf,
  FORMS,
  issueIn,
  recordingFetch,
  signDataIntegrity,
  signJwt,
  WITH_EXTENSIONS,
} from './ob3-fixtures.js';

const REFRESH_URL = 'https://training.example.org/refresh/cyber-essentials/42';
const RENEWED = 'Cyber security essentials (2026 renewal)';

describe('refreshService (1EdTechCredentialRefresh)', () => {
  let issuer: PassportKeyPair;
  let other: PassportKeyPair;
  let learner: PassportKeyPair;
  const refreshService = { id: REFRESH_URL, type: '1EdTechCredentialRefresh' };

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
    other = (await keys()).issuer;
  });

  /** The issuer's current copy: renamed, still offering the refresh (which must not be followed again). */
  function renewed(by: PassportKeyPair = issuer, subject = learner.controller) {
    return openBadge(by, subject, { '@context': WITH_EXTENSIONS, name: RENEWED, refreshService });
  }

  describe.each(FORMS)('for a credential in the %s form', (form) => {
    it('verifies the refreshed copy instead, fetched once, and says so', async () => {
      const web = recordingFetch();
      web.serve(REFRESH_URL, await signDataIntegrity(renewed(), issuer), {
        contentType: 'application/vc+ld+json',
      });
      const original = await issueIn(form, issuer, learner.controller, {
        '@context': WITH_EXTENSIONS,
        refreshService,
      });
      const report = await web.verifier({ refresh: true })(original);
      expect(report.verified).toBe(true);
      const credential = report.credentials[0]!;
      expect(credential.refreshedFrom).toBe(REFRESH_URL);
      expect(credential.checks.find((check) => check.check === 'refresh')).toMatchObject({
        outcome: 'pass',
        code: 'credential-refreshed',
      });
      expect(credential.credential?.name).toBe(RENEWED);
      expect(credential.format).toBe('di');
      expect(codesOf(credential).proof).toBe('proof-ok');
      expect(web.requests).toEqual([REFRESH_URL]);
    });
  });

  it('accepts a refreshed copy served as a compact JWT', async () => {
    const web = recordingFetch();
    web.serve(REFRESH_URL, await signJwt(renewed(), issuer, 'vc2'), { contentType: 'application/vc+jwt' });
    const original = await issueIn('vc2-di', issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      refreshService,
    });
    const report = await web.verifier({ refresh: true })(original);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]!.format).toBe('jwt');
    expect(report.credentials[0]!.summary.achievement?.name).toBeDefined();
    expect(report.credentials[0]!.credential?.name).toBe(RENEWED);
    expect(codesOf(report.credentials[0]!).refresh).toBe('credential-refreshed');
    expect(web.requests).toEqual([REFRESH_URL]);
  });

  it('reports the refreshed copy as revoked-or-failed when it fails its own checks', async () => {
    const web = recordingFetch();
    const expired = { ...renewed(), validUntil: '2026-03-01T00:00:00Z' };
    web.serve(REFRESH_URL, await signDataIntegrity(expired, issuer));
    const original = await issueIn('vc2-di', issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      refreshService,
    });
    const report = await web.verifier({ refresh: true })(original);
    expect(report.verified).toBe(false);
    expect(codesOf(report.credentials[0]!)).toMatchObject({
      validity: 'expired',
      refresh: 'credential-refreshed',
    });
  });

  it('fetches nothing when refreshing is off (the default)', async () => {
    const web = recordingFetch();
    web.serve(REFRESH_URL, await signDataIntegrity(renewed(), issuer));
    const original = await issueIn('vc2-di', issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      refreshService,
    });
    const report = await web.verifier()(original);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]!.refreshedFrom).toBeUndefined();
    expect(report.credentials[0]!.checks.some((check) => check.check === 'refresh')).toBe(false);
    expect(report.credentials[0]!.credential?.name).not.toBe(RENEWED);
    expect(web.requests).toEqual([]);
  });

  it('verifies the copy presented, with a warning, when the refresh service does not answer', async () => {
    const web = recordingFetch();
    const original = await issueIn('vc2-jwt', issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      refreshService,
    });
    const report = await web.verifier({ refresh: true })(original);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]!.checks.find((check) => check.check === 'refresh')).toMatchObject({
      outcome: 'warn',
      code: 'refresh-failed',
    });
    expect(report.credentials[0]!.refreshedFrom).toBeUndefined();
    expect(web.requests).toEqual([REFRESH_URL]);
  });

  it('refuses a refreshed copy from another issuer or about another learner', async () => {
    const original = await issueIn('vc2-di', issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      refreshService,
    });
    for (const swapped of [
      await signDataIntegrity(renewed(other), other),
      await signDataIntegrity(renewed(issuer, 'did:example:someone-else'), issuer),
    ]) {
      const web = recordingFetch();
      web.serve(REFRESH_URL, swapped);
      const report = await web.verifier({ refresh: true })(original);
      expect(report.verified).toBe(true);
      expect(codesOf(report.credentials[0]!).refresh).toBe('refresh-failed');
      expect(report.credentials[0]!.credential?.name).not.toBe(RENEWED);
    }
  });

  it('does not follow the refresh service of a credential whose proof fails', async () => {
    const web = recordingFetch();
    web.serve(REFRESH_URL, await signDataIntegrity(renewed(), issuer));
    const original = (await issueIn('vc2-di', issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      refreshService,
    })) as Record<string, unknown>;
    const report = await web.verifier({ refresh: true })({ ...original, name: 'Forged name' });
    expect(report.verified).toBe(false);
    expect(codesOf(report.credentials[0]!).proof).toBe('proof-invalid');
    expect(web.requests).toEqual([]);
  });
});
