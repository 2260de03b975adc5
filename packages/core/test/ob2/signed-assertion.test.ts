import { generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  BADGE_URL,
  codesOf,
  cryptographicKey,
  ISSUER_URL,
  issuerProfile,
  KEY_URL,
  OB2_CONTEXT,
  ob2Issuer,
  REVOCATIONS_URL,
  signAssertion,
  signedAssertion,
} from './ob2-issuer.js';

function revocationList(revokedAssertions: unknown[]) {
  return {
    '@context': OB2_CONTEXT,
    id: REVOCATIONS_URL,
    type: 'RevocationList',
    issuer: ISSUER_URL,
    revokedAssertions,
  };
}

describe('Open Badges 2.0 signed assertions', () => {
  it('verifies an RS256 JWS with the issuer’s key and checks its revocation list', async () => {
    const issuer = ob2Issuer();
    const jws = await signAssertion(signedAssertion(), issuer.privateKey);
    const report = await issuer.verifier()(jws);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.format).toBe('ob2-signed');
    expect(codesOf(report)).toEqual({
      format: ['format-ok'],
      proof: ['proof-ok'],
      validity: ['validity-ok'],
      status: ['status-ok'],
      issuer: ['issuer-unknown'],
      recipient: ['recipient-not-checked'],
    });
    expect(issuer.requests).toEqual([BADGE_URL, ISSUER_URL, KEY_URL, REVOCATIONS_URL]);
    expect(report.credentials[0]?.summary).toMatchObject({
      issuer: { id: ISSUER_URL, name: 'Example Vendor Certifications' },
      achievement: { name: 'Network Defender' },
      status: 'verified',
    });
  });

  it('uses the issuer’s publicKey when the assertion names no creator, taking an embedded key without fetching', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ISSUER_URL, issuerProfile({ publicKey: cryptographicKey(issuer.publicKeyPem) }));
    const jws = await signAssertion(signedAssertion({ verification: { type: 'signed' } }), issuer.privateKey);
    const report = await issuer.verifier()(jws);
    expect(report.verified).toBe(true);
    expect(issuer.requests).not.toContain(KEY_URL);
  });

  it('fails a JWS signed with another key', async () => {
    const issuer = ob2Issuer();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const report = await issuer.verifier()(await signAssertion(signedAssertion(), privateKey));
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['proof-invalid']);
    // A forged assertion's revocation status means nothing, so the list is not fetched.
    expect(issuer.requests).not.toContain(REVOCATIONS_URL);
  });

  it('fails when the key’s owner does not link back to the issuer', async () => {
    const issuer = ob2Issuer();
    issuer.serve(
      KEY_URL,
      cryptographicKey(issuer.publicKeyPem, { owner: 'https://attacker.example/issuer' }),
    );
    const report = await issuer.verifier()(await signAssertion(signedAssertion(), issuer.privateKey));
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['ob2-key-owner-mismatch']);
  });

  it('reports an assertion in the issuer’s revocation list as revoked, by id or by uid', async () => {
    const issuer = ob2Issuer();
    const assertion = signedAssertion();
    const jws = await signAssertion(assertion, issuer.privateKey);
    issuer.serve(
      REVOCATIONS_URL,
      revocationList([{ id: assertion.id, revocationReason: 'Issued in error' }]),
    );
    const byId = await issuer.verifier()(jws);
    expect(byId.verified).toBe(false);
    expect(codesOf(byId).status).toEqual(['revoked']);
    expect(byId.credentials[0]?.summary.status).toBe('revoked');

    issuer.serve(REVOCATIONS_URL, revocationList([{ uid: 'a-42' }]));
    expect(codesOf(await issuer.verifier()(jws)).status).toEqual(['revoked']);
  });

  it('never reports "not revoked" when the revocation list cannot be fetched', async () => {
    const issuer = ob2Issuer();
    issuer.documents.delete(REVOCATIONS_URL);
    const jws = await signAssertion(signedAssertion(), issuer.privateKey);
    const report = await issuer.verifier()(jws);
    expect(report.checks.find((check) => check.check === 'status')).toMatchObject({
      outcome: 'warn',
      code: 'status-list-unreachable',
    });
    expect(report.credentials[0]?.summary.status).toBe('unchecked');
    const strict = await issuer.verifier({ statusOptions: { unreachable: 'fail' } })(jws);
    expect(strict.verified).toBe(false);
  });

  it('refuses a JWS not signed with RS256', async () => {
    const issuer = ob2Issuer();
    const hmac = await new CompactSign(new TextEncoder().encode(JSON.stringify(signedAssertion())))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(issuer.publicKeyPem));
    const report = await issuer.verifier()(hmac);
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['jwt-alg-not-allowed']);
  });

  it('fails a signed assertion sent as JSON without its JWS', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()(signedAssertion());
    expect(report.verified).toBe(false);
    expect(codesOf(report).proof).toEqual(['proof-missing']);
    expect(issuer.requests).toEqual([]);
  });
});
