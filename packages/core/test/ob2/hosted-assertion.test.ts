import { describe, expect, it } from 'vitest';
import { TrustRegistry } from '../../src/index.js';
import {
  ASSERTION_URL,
  BADGE_URL,
  badgeClass,
  codesOf,
  hostedAssertion,
  ISSUER_URL,
  issuerProfile,
  ob2Issuer,
} from './ob2-issuer.js';

describe('Open Badges 2.0 hosted assertions', () => {
  it('verifies a hosted assertion URL by fetching the assertion, its BadgeClass and issuer once each', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(true);
    expect(issuer.requests).toEqual([ASSERTION_URL, BADGE_URL, ISSUER_URL]);
    const [credential] = report.credentials;
    expect(credential?.format).toBe('ob2-hosted');
    expect(codesOf(report)).toEqual({
      format: ['format-ok'],
      proof: ['ob2-hosted-ok'],
      validity: ['validity-ok'],
      status: ['status-ok'],
      issuer: ['issuer-unknown'],
      recipient: ['recipient-not-checked'],
    });
    expect(credential?.summary).toMatchObject({
      id: ASSERTION_URL,
      issuer: { id: ISSUER_URL, name: 'Example Vendor Certifications', recognised: false },
      achievement: {
        id: BADGE_URL,
        name: 'Network Defender',
        criteria: 'Passed the proctored Network Defender exam.',
      },
      skills: [{ framework: 'SFIA', code: 'SCTY', name: 'Information security' }],
      issued: '2026-01-10T09:00:00Z',
      status: 'verified',
    });
  });

  it('verifies an assertion sent as JSON against the hosted copy, and names the recognised issuer', async () => {
    const issuer = ob2Issuer();
    const trustRegistry = TrustRegistry.from({
      name: 'Employer list',
      issuers: [{ id: ISSUER_URL, name: 'Example Vendor' }],
    });
    const report = await issuer.verifier({ trustRegistry })(JSON.stringify(hostedAssertion()));
    expect(report.verified).toBe(true);
    expect(issuer.requests[0]).toBe(ASSERTION_URL);
    expect(codesOf(report).issuer).toEqual(['issuer-trusted']);
    expect(report.credentials[0]?.summary.issuer).toMatchObject({ name: 'Example Vendor', recognised: true });
  });

  it('reports an assertion whose URL answers 410 Gone as revoked', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ASSERTION_URL, { error: 'gone' }, 410);
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(false);
    expect(codesOf(report).status).toEqual(['revoked']);
    expect(report.credentials[0]?.summary.status).toBe('revoked');
    expect(issuer.requests).toEqual([ASSERTION_URL]);
  });

  it('reports a hosted assertion marked revoked: true as revoked', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ASSERTION_URL, hostedAssertion({ revoked: true, revocationReason: 'Exam misconduct' }));
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(false);
    expect(codesOf(report).status).toEqual(['revoked']);
    expect(report.credentials[0]?.summary.status).toBe('revoked');
  });

  it('fails an assertion hosted outside the issuer profile’s origin when no policy is set', async () => {
    const issuer = ob2Issuer();
    const elsewhere = 'https://badges.attacker.example/assertions/42';
    issuer.serve(elsewhere, hostedAssertion({ id: elsewhere }));
    const report = await issuer.verifier()(elsewhere);
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['ob2-origin-not-allowed']);
    expect(issuer.requests).toEqual([elsewhere, BADGE_URL, ISSUER_URL]);
  });

  it('accepts an assertion on another host listed in allowedOrigins, and refuses one outside startsWith', async () => {
    const issuer = ob2Issuer();
    const partner = 'https://badges.partner.example/vendor/assertions/7';
    issuer.serve(partner, hostedAssertion({ id: partner }));
    issuer.serve(ISSUER_URL, issuerProfile({ verification: { allowedOrigins: ['badges.partner.example'] } }));
    expect((await issuer.verifier()(partner)).verified).toBe(true);

    issuer.serve(
      ISSUER_URL,
      issuerProfile({ verification: { startsWith: 'https://badges.partner.example/other/' } }),
    );
    const refused = await issuer.verifier()(partner);
    expect(codesOf(refused).proof).toEqual(['ob2-origin-not-allowed']);
  });

  it('trusts only the fetched copy and fails when the copy sent differs from it', async () => {
    const issuer = ob2Issuer();
    const altered = hostedAssertion({ expires: '2099-01-01T00:00:00Z', issuedOn: '2025-01-01T00:00:00Z' });
    const report = await issuer.verifier()(altered);
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toContain('ob2-copy-mismatch');
    // The summary shows the issuer's copy, not the altered one.
    expect(report.credentials[0]?.summary.issued).toBe('2026-01-10T09:00:00Z');
    expect(report.credentials[0]?.summary.expires).toBeUndefined();
  });

  it('fails when the hosted assertion cannot be fetched, without following any link', async () => {
    const issuer = ob2Issuer();
    issuer.documents.delete(ASSERTION_URL);
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['ob2-assertion-unreachable']);
    expect(issuer.requests).toEqual([ASSERTION_URL]);
  });

  it('fails when the issuer profile cannot be fetched', async () => {
    const issuer = ob2Issuer();
    issuer.documents.delete(ISSUER_URL);
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(false);
    expect(codesOf(report).issuer).toEqual(['ob2-issuer-unreachable']);
  });

  it('fails an assertion served under another URL than its own id', async () => {
    const issuer = ob2Issuer();
    const other = `${ASSERTION_URL}-copy`;
    issuer.serve(other, hostedAssertion());
    const report = await issuer.verifier()(other);
    expect(codesOf(report).proof).toEqual(['ob2-id-mismatch']);
  });

  it('never fetches a non-https assertion id', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()(hostedAssertion({ id: 'http://vendor.example/assertions/42' }));
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['ob2-assertion-unreachable']);
    expect(issuer.requests).toEqual([]);
  });

  it('refuses to fetch an assertion URL on a non-public address', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()('https://169.254.169.254/latest/meta-data');
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['ob2-assertion-unreachable']);
    expect(report.checks.find((check) => check.check === 'proof')?.message).toContain(
      'fetch-address-not-allowed',
    );
    expect(issuer.requests).toEqual([]);
  });

  it('fails when the issuer profile served at the issuer URL names another issuer', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ISSUER_URL, issuerProfile({ id: 'https://other.example/issuer' }));
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(false);
    expect(codesOf(report).issuer).toEqual(['ob2-id-mismatch']);
  });

  it('fetches the issuer profile even when the BadgeClass embeds one', async () => {
    const issuer = ob2Issuer();
    const embedded = issuerProfile({ verification: { allowedOrigins: 'badges.attacker.example' } });
    const elsewhere = 'https://badges.attacker.example/assertions/42';
    issuer.serve(elsewhere, hostedAssertion({ id: elsewhere, badge: { ...badgeClass(), issuer: embedded } }));
    const report = await issuer.verifier()(elsewhere);
    // The embedded profile's policy would allow the attacker's host; the issuer's own profile does not.
    expect(codesOf(report).proof).toEqual(['ob2-origin-not-allowed']);
    expect(issuer.requests).toEqual([elsewhere, ISSUER_URL]);
  });

  it('reports an assertion missing its recipient as invalid, fetching nothing', async () => {
    const issuer = ob2Issuer();
    const { recipient: _dropped, ...noRecipient } = hostedAssertion();
    const report = await issuer.verifier()(noRecipient);
    expect(codesOf(report).format).toEqual(['ob2-assertion-invalid']);
    expect(issuer.requests).toEqual([]);
  });
});
