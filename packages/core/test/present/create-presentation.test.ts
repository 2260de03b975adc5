import { validate } from '@skills-passport/schemas';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  envelope,
  generateKey,
  issueCredential,
  type PassportError,
  type PassportKeyPair,
  present,
  publicKeyOf,
  selectCredentials,
} from '../../src/index.js';
import { openBadge } from '../fixtures.js';

const DOMAIN = 'https://jobs.example.com';
const options = (holderKey: PassportKeyPair) => ({ holderKey, challenge: 'abc123', domain: DOMAIN });

describe('creating a presentation', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  let credential: Record<string, unknown>;
  let jwtCredential: string;

  beforeAll(async () => {
    [issuer, learner] = await Promise.all([generateKey(), generateKey()]);
    credential = await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer });
    jwtCredential = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });
  });

  it('signs a Data Integrity presentation for authentication with the challenge and domain, valid as a skills passport', async () => {
    const presentation = await present([credential, jwtCredential], options(learner));
    expect(presentation.holder).toBe(learner.controller);
    expect(presentation.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'authentication',
      challenge: 'abc123',
      domain: DOMAIN,
      verificationMethod: learner.id,
    });
    expect(validate('skills-passport', presentation)).toEqual({ valid: true, errors: [] });
    const inner = presentation.verifiableCredential as Array<Record<string, unknown>>;
    expect(inner[0]).toEqual(credential);
    expect(inner[1]).toMatchObject({
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${jwtCredential}`,
    });
  });

  it('signs a vp+jwt with nonce, aud and iss, holding JWT credentials enveloped', async () => {
    const jwt = await present([jwtCredential], { ...options(learner), format: 'jwt' });
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'EdDSA', typ: 'vp+jwt', kid: learner.id });
    const payload = decodeJwt(jwt);
    expect(payload).toMatchObject({
      nonce: 'abc123',
      aud: DOMAIN,
      iss: learner.controller,
      holder: learner.controller,
    });
    expect(payload.verifiableCredential).toEqual([envelope(jwtCredential)]);
  });

  it('refuses to sign without a secret key, a challenge, a domain or any credential', async () => {
    const attempts = [
      present([credential], options(publicKeyOf(learner))),
      present([credential], { ...options(learner), challenge: '' }),
      present([credential], { ...options(learner), domain: '' }),
      present([], options(learner)),
    ];
    const codes = await Promise.all(
      attempts.map((attempt) =>
        attempt.then(
          () => 'signed',
          (error: PassportError) => error.code,
        ),
      ),
    );
    expect(codes).toEqual(['invalid-key', 'invalid-options', 'invalid-options', 'invalid-options']);
  });
});

describe('choosing what to share', () => {
  let college: PassportKeyPair;
  let vendor: PassportKeyPair;
  let learner: PassportKeyPair;
  let wallet: Array<Record<string, unknown> | string>;

  beforeAll(async () => {
    [college, vendor, learner] = await Promise.all([
      generateKey(),
      generateKey({ type: 'P-256' }),
      generateKey(),
    ]);
    const networking = openBadge(vendor, learner.controller, {
      id: 'urn:uuid:00000000-0000-4000-8000-000000000002',
    });
    const achievement = (networking.credentialSubject as { achievement: Record<string, unknown> })
      .achievement;
    achievement.alignment = [
      {
        type: ['Alignment'],
        targetName: 'Network support',
        targetUrl: 'https://sfia-online.org/en/sfia-9/skills/network-support',
        targetCode: 'NTAS',
        targetFramework: 'SFIA',
      },
    ];
    wallet = [
      await issueCredential(
        openBadge(college, learner.controller, { id: 'urn:uuid:00000000-0000-4000-8000-000000000001' }),
        {
          issuerKey: college,
        },
      ),
      await issueCredential(networking, { issuerKey: vendor, format: 'jwt' }),
    ];
  });

  it('selects by skill across formats, case-insensitively', () => {
    expect(selectCredentials(wallet, { skills: ['sfia:scty'] })).toEqual([wallet[0]]);
    expect(selectCredentials(wallet, { skills: ['SFIA:NTAS'] })).toEqual([wallet[1]]);
  });

  it('selects by id, issuer and type, and requires every criterion given', () => {
    expect(selectCredentials(wallet, { ids: ['urn:uuid:00000000-0000-4000-8000-000000000002'] })).toEqual([
      wallet[1],
    ]);
    expect(selectCredentials(wallet, { issuers: [college.controller] })).toEqual([wallet[0]]);
    expect(selectCredentials(wallet, { types: ['OpenBadgeCredential'] })).toHaveLength(2);
    expect(selectCredentials(wallet, { issuers: [college.controller], skills: ['SFIA:NTAS'] })).toEqual([]);
    expect(selectCredentials(wallet, {})).toEqual(wallet);
  });

  it('reads enveloped JWT credentials and drops unreadable entries', () => {
    const enveloped = envelope(wallet[1] as string);
    expect(selectCredentials([enveloped, 'not-a-jwt'], { issuers: [vendor.controller] })).toEqual([
      enveloped,
    ]);
  });
});
