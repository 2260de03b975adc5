import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, issueCredential, type PassportKeyPair } from '../../src/index.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

type Json = Record<string, any>;

/** One field changed after signing, for each part of the credential an attacker would want to change. */
const tampers: Array<[string, (credential: Json) => void]> = [
  [
    'the subject id',
    (c) => (c.credentialSubject.id = 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH'),
  ],
  ['the achievement name', (c) => (c.credentialSubject.achievement.name = 'Advanced penetration testing')],
  ['a skill code', (c) => (c.credentialSubject.achievement.alignment[0].targetCode = 'PENT')],
  ['the issuer name', (c) => (c.issuer.name = 'Prestigious University')],
  ['the start date', (c) => (c.validFrom = '2020-01-01T00:00:00Z')],
  ['an added expiry date', (c) => (c.validUntil = '2099-01-01T00:00:00Z')],
];

describe('tampering after signing', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const verify = createVerifier({
    resolverOptions: { fetch: forbiddenFetch() },
    now: () => new Date('2026-06-01T00:00:00Z'),
  });

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  it.each(tampers)('changing %s breaks a Data Integrity proof (proof-invalid)', async (_what, change) => {
    const signed = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
    })) as Json;
    const untouched = await verify(signed);
    expect(untouched.verified).toBe(true);
    const tampered = structuredClone(signed);
    change(tampered);
    const report = await verify(tampered);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'proof')).toMatchObject({
      outcome: 'fail',
      code: 'proof-invalid',
    });
  });

  it.each(tampers)('changing %s breaks a JWT signature (proof-invalid)', async (_what, change) => {
    const jwt = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });
    expect((await verify(jwt)).verified).toBe(true);
    const [header, payload, signature] = jwt.split('.');
    const credential = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Json;
    change(credential);
    const forged = `${header}.${Buffer.from(JSON.stringify(credential)).toString('base64url')}.${signature}`;
    const report = await verify(forged);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'proof')).toMatchObject({
      outcome: 'fail',
      code: 'proof-invalid',
    });
  });

  it('a credential re-signed by another key under the same issuer id fails', async () => {
    const { issuer: other } = await keys();
    const credential = openBadge(issuer, learner.controller);
    await expect(issueCredential(credential, { issuerKey: other })).rejects.toMatchObject({
      code: 'invalid-key',
    });
    const signedByOther = (await issueCredential(openBadge(other, learner.controller), {
      issuerKey: other,
    })) as Json;
    signedByOther.issuer.id = issuer.controller;
    const report = await verify(signedByOther);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'proof')?.outcome).toBe('fail');
  });
});
