// Open Badges 2.0 assertions carried inside a learner's presentation (issue 12): each is verified on its own
// (proof or hosted copy, status, recipient), and reported as evidence that is not bound to the holder.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKey, issueCredential, type PassportKeyPair, present } from '../../src/index.js';
import { openBadge } from '../fixtures.js';
import {
  ASSERTION_URL,
  hostedAssertion,
  ISSUER_URL,
  LEARNER_EMAIL,
  ob2Issuer,
  REVOCATIONS_URL,
  signAssertion,
  signedAssertion,
} from '../ob2/ob2-issuer.js';

const CHALLENGE = 'b2ItZXZpZGVuY2UtY2hhbGxlbmdlLTAx';
const DOMAIN = 'https://jobs.example.com';
const holderCheck = (report: {
  checks: Array<{ check: string; code: string; outcome: string; message: string }>;
}) => report.checks.find((check) => check.check === 'holder');

describe('Open Badges 2.0 assertions inside a presentation', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  let ob3: Record<string, unknown>;

  beforeAll(async () => {
    [issuer, learner] = await Promise.all([
      generateKey({ type: 'Ed25519' }),
      generateKey({ type: 'Ed25519' }),
    ]);
    ob3 = await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer });
  });

  for (const format of ['jwt', 'di'] as const) {
    it(`verifies a signed OB 2.0 assertion in a ${format} presentation as evidence, not holder-bound`, async () => {
      const vendor = ob2Issuer();
      const jws = await signAssertion(signedAssertion(), vendor.privateKey);
      const presentation = await present([ob3, jws], {
        holderKey: learner,
        challenge: CHALLENGE,
        domain: DOMAIN,
        format,
      });
      if (format === 'di') {
        const carried = (presentation as { verifiableCredential: Array<{ id: string }> })
          .verifiableCredential;
        expect(carried[1]!.id).toBe(`data:application/jose,${jws}`);
      }
      const report = await vendor.verifier()(presentation, {
        challenge: CHALLENGE,
        domain: DOMAIN,
        recipient: LEARNER_EMAIL,
      });
      expect(report.verified).toBe(true);
      expect(report.credentials.map((credential) => credential.format)).toEqual(['di', 'ob2-signed']);
      const [own, badge] = report.credentials;
      expect(holderCheck(own!)).toMatchObject({ outcome: 'pass', code: 'holder-ok' });
      expect(holderCheck(badge!)).toMatchObject({ outcome: 'warn', code: 'holder-not-bound' });
      expect(badge!.checks.find((check) => check.check === 'recipient')).toMatchObject({
        code: 'recipient-ok',
      });
      expect(holderCheck(report)).toMatchObject({ code: 'holder-ok' });
      expect(holderCheck(report)!.message).toMatch(/1 Open Badges 2\.0 assertion is evidence only/);
      expect(vendor.requests).toEqual(expect.arrayContaining([ISSUER_URL, REVOCATIONS_URL]));
    });
  }

  it('refuses to put OB 2.0 JSON in a Data Integrity presentation, with a clear code (its context is not bundled)', async () => {
    await expect(
      present([ob3, hostedAssertion()], { holderKey: learner, challenge: CHALLENGE, domain: DOMAIN }),
    ).rejects.toMatchObject({ code: 'invalid-options', message: expect.stringMatching(/JWT presentation/) });
  });

  it('fails a JWT presentation whose hosted OB 2.0 assertion was revoked (410), keeping the rest', async () => {
    const vendor = ob2Issuer();
    vendor.serve(ASSERTION_URL, { revoked: true }, 410);
    const presentation = await present([ob3, hostedAssertion()], {
      holderKey: learner,
      challenge: CHALLENGE,
      domain: DOMAIN,
      format: 'jwt',
    });
    const report = await vendor.verifier()(presentation, { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.verified).toBe(false);
    const [own, badge] = report.credentials;
    expect(badge!.format).toBe('ob2-hosted');
    expect(badge!.summary.status).toBe('revoked');
    expect(holderCheck(badge!)).toMatchObject({ code: 'holder-not-bound' });
    expect(own!.verified).toBe(true);
    expect(vendor.requests[0]).toBe(ASSERTION_URL);
  });

  it('reports a recipient mismatch on the carried assertion when the employer names someone else', async () => {
    const vendor = ob2Issuer();
    const jws = await signAssertion(signedAssertion(), vendor.privateKey);
    const presentation = await present([jws], {
      holderKey: learner,
      challenge: CHALLENGE,
      domain: DOMAIN,
      format: 'jwt',
    });
    const report = await vendor.verifier()(presentation, {
      challenge: CHALLENGE,
      domain: DOMAIN,
      recipient: 'someone.else@example.org',
    });
    expect(report.verified).toBe(false);
    expect(report.credentials[0]!.checks.find((check) => check.check === 'recipient')).toMatchObject({
      outcome: 'fail',
      code: 'recipient-mismatch',
    });
  });
});
