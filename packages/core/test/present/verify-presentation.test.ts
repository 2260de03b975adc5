import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVerifier,
  generateKey,
  issueCredential,
  type PassportKeyPair,
  present,
} from '../../src/index.js';
import { MAX_PRESENTATION_CREDENTIALS } from '../../src/verify/presentation-credentials.js';
import { forbiddenFetch, openBadge } from '../fixtures.js';
import { codesOf, independentLoader, signAsHolder } from './passport-fixtures.js';

const DOMAIN = 'https://jobs.example.com';

/** The holder's key loaded straight into @digitalbazaar/ed25519-multikey, bypassing our key code. */
function libraryKeyOf(key: PassportKeyPair) {
  return Ed25519Multikey.from({
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
}
const CHALLENGE = 'c2VjcmV0LWNoYWxsZW5nZS0xMjM0NTY3ODkw';

describe('verifying a learner presentation', () => {
  let issuer: PassportKeyPair;
  let vendor: PassportKeyPair;
  let learner: PassportKeyPair;
  let other: PassportKeyPair;
  let diCredential: Record<string, unknown>;
  let jwtCredential: string;
  let strangersCredential: Record<string, unknown>;
  const fetch = forbiddenFetch();
  const verify = createVerifier({ resolverOptions: { fetch } });

  beforeAll(async () => {
    [issuer, vendor, learner, other] = await Promise.all([
      generateKey({ type: 'Ed25519' }),
      generateKey({ type: 'P-256' }),
      generateKey({ type: 'Ed25519' }),
      generateKey({ type: 'Ed25519' }),
    ]);
    diCredential = await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer });
    jwtCredential = await issueCredential(openBadge(vendor, learner.controller, { name: 'Network basics' }), {
      issuerKey: vendor,
      format: 'jwt',
    });
    strangersCredential = await issueCredential(openBadge(issuer, other.controller), { issuerKey: issuer });
  });

  const signed = (credentials: Array<object | string>, format: 'di' | 'jwt', holderKey = learner) =>
    present(credentials, { holderKey, challenge: CHALLENGE, domain: DOMAIN, format });

  it('verifies a Data Integrity passport holding a DI and a JWT credential, reporting each', async () => {
    const presentation = await signed([diCredential, jwtCredential], 'di');
    const report = await verify(presentation, { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.kind).toBe('presentation');
    expect(report.verified).toBe(true);
    expect(report.holder).toBe(learner.controller);
    expect(codesOf(report.checks)).toEqual(['format-ok', 'proof-ok', 'challenge-ok', 'holder-ok']);
    expect(report.credentials.map((credential) => credential.format)).toEqual(['di', 'jwt']);
    for (const credential of report.credentials) {
      expect(credential.verified).toBe(true);
      expect(credential.checks.find((check) => check.check === 'holder')?.code).toBe('holder-ok');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('verifies a passport of five credentials from two issuers in both formats, reporting all five', async () => {
    const more = await Promise.all([
      issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer, format: 'jwt' }),
      issueCredential(openBadge(vendor, learner.controller), { issuerKey: vendor }),
      issueCredential(openBadge(vendor, learner.controller), { issuerKey: vendor, format: 'jwt' }),
    ]);
    for (const format of ['di', 'jwt'] as const) {
      const passport = await signed([diCredential, jwtCredential, ...more], format);
      const report = await verify(passport, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(true);
      expect(report.credentials).toHaveLength(5);
      expect(new Set(report.credentials.map((credential) => credential.summary.issuer?.id)).size).toBe(2);
      expect(report.credentials.map((credential) => credential.format)).toEqual([
        'di',
        'jwt',
        'jwt',
        'di',
        'jwt',
      ]);
    }
  });

  it('verifies a vp+jwt passport with nonce and aud, its JWT credential enveloped', async () => {
    const jwt = await signed([jwtCredential, diCredential], 'jwt');
    const report = await verify(jwt, { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.verified).toBe(true);
    expect(report.kind).toBe('presentation');
    expect(report.credentials).toHaveLength(2);
    expect(report.credentials[0]?.format).toBe('jwt');
  });

  it('verifies a P-256 holder signing with ecdsa-rdfc-2019', async () => {
    const holder = await generateKey({ type: 'P-256' });
    const own = await issueCredential(openBadge(issuer, holder.controller), { issuerKey: issuer });
    const report = await verify(await signed([own], 'di', holder), { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.verified).toBe(true);
  });

  it('verifies a presentation sent as an EnvelopedVerifiablePresentation data: URL', async () => {
    const jwt = (await signed([jwtCredential], 'jwt')) as string;
    const enveloped = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: `data:application/vp+jwt,${jwt}`,
      type: 'EnvelopedVerifiablePresentation',
    };
    const report = await verify(enveloped, { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.kind).toBe('presentation');
    expect(report.verified).toBe(true);
  });

  it('verifies a VC 1.1 JWT presentation (vp claim, plain JWT credential strings) signed by jose directly', async () => {
    const jwt = await signAsHolder(
      learner,
      {
        iss: learner.controller,
        aud: DOMAIN,
        nonce: CHALLENGE,
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [jwtCredential],
        },
      },
      { typ: 'JWT' },
    );
    const report = await verify(jwt, { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.verified).toBe(true);
    expect(report.holder).toBe(learner.controller);
    expect(report.credentials[0]?.format).toBe('jwt');
  });

  it('verifies a Data Integrity presentation signed by @digitalbazaar/vc directly', async () => {
    const libraryKey = await libraryKeyOf(learner);
    const presentation = vc.createPresentation({
      verifiableCredential: [diCredential],
      holder: learner.controller,
    });
    const signedByLibrary = await vc.signPresentation({
      presentation,
      suite: new DataIntegrityProof({ signer: libraryKey.signer(), cryptosuite: eddsaRdfc2022 }),
      challenge: CHALLENGE,
      domain: DOMAIN,
      documentLoader: independentLoader(learner, issuer),
    });
    const report = await verify(signedByLibrary, { challenge: CHALLENGE, domain: DOMAIN });
    expect(report.verified).toBe(true);
    expect(report.credentials).toHaveLength(1);
  });

  it('signs presentations that @digitalbazaar/vc verifies directly with the same challenge', async () => {
    const presentation = await signed([diCredential], 'di');
    const outcome = await vc.verify({
      presentation,
      challenge: CHALLENGE,
      domain: DOMAIN,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: independentLoader(learner, issuer),
    });
    expect(outcome.verified).toBe(true);
    const otherChallenge = await vc.verify({
      presentation,
      challenge: 'another',
      domain: DOMAIN,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: independentLoader(learner, issuer),
    });
    expect(otherChallenge.verified).toBe(false);
  });

  describe('challenge and domain', () => {
    it.each(['di', 'jwt'] as const)(
      'fails a %s presentation made for another challenge with challenge-mismatch',
      async (format) => {
        const report = await verify(await signed([diCredential], format), {
          challenge: 'expected',
          domain: DOMAIN,
        });
        expect(report.verified).toBe(false);
        expect(codesOf(report.checks)).toContain('challenge-mismatch');
        expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      },
    );

    it.each(['di', 'jwt'] as const)(
      'fails a %s presentation made for domain A at domain B with domain-mismatch',
      async (format) => {
        const report = await verify(await signed([diCredential], format), {
          challenge: CHALLENGE,
          domain: 'https://other.example.org',
        });
        expect(report.verified).toBe(false);
        expect(codesOf(report.checks)).toContain('domain-mismatch');
        expect(codesOf(report.checks)).not.toContain('challenge-mismatch');
      },
    );

    it('fails a JWT presentation without nonce with challenge-missing and without aud with domain-missing', async () => {
      const jwt = await signAsHolder(learner, {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.controller,
        verifiableCredential: [jwtCredential],
      });
      const report = await verify(jwt, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      expect(codesOf(report.checks)).toEqual(expect.arrayContaining(['challenge-missing', 'domain-missing']));
      expect(codesOf(report.checks)).not.toContain('challenge-mismatch');
    });

    it('fails a Data Integrity proof signed without a challenge with challenge-missing', async () => {
      const libraryKey = await libraryKeyOf(learner);
      const unbound = await jsigs.sign(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: learner.controller,
          verifiableCredential: [diCredential],
        },
        {
          suite: new DataIntegrityProof({ signer: libraryKey.signer(), cryptosuite: eddsaRdfc2022 }),
          purpose: new jsigs.purposes.ControllerProofPurpose({ term: 'authentication' }),
          documentLoader: independentLoader(learner, issuer),
        },
      );
      const report = await verify(unbound, { challenge: CHALLENGE });
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      expect(codesOf(report.checks)).toContain('challenge-missing');
      expect(report.verified).toBe(false);
    });

    it('fails a Data Integrity presentation signed without a domain with domain-missing', async () => {
      const libraryKey = await libraryKeyOf(learner);
      const presentation = vc.createPresentation({
        verifiableCredential: [diCredential],
        holder: learner.controller,
      });
      const noDomain = await vc.signPresentation({
        presentation,
        suite: new DataIntegrityProof({ signer: libraryKey.signer(), cryptosuite: eddsaRdfc2022 }),
        challenge: CHALLENGE,
        documentLoader: independentLoader(learner, issuer),
      });
      const report = await verify(noDomain, { challenge: CHALLENGE, domain: DOMAIN });
      expect(codesOf(report.checks)).toContain('domain-missing');
      expect(codesOf(report.checks)).not.toContain('challenge-missing');
      expect(report.verified).toBe(false);
    });

    it('fails a presentation whose proof was replayed with another challenge written in', async () => {
      const presentation = await signed([diCredential], 'di');
      const replayed = structuredClone(presentation) as { proof: Record<string, unknown> };
      replayed.proof.challenge = 'the-new-employers-challenge';
      const report = await verify(replayed, { challenge: 'the-new-employers-challenge', domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('holder-proof-invalid');
    });

    it('warns challenge-not-checked when the verifier expects no challenge', async () => {
      const report = await verify(await signed([diCredential], 'di'));
      expect(report.verified).toBe(true);
      expect(report.checks.find((check) => check.check === 'challenge')).toMatchObject({
        outcome: 'warn',
        code: 'challenge-not-checked',
      });
    });
  });

  describe('holder and credentials', () => {
    it('fails holder-mismatch for the one credential issued to someone else and still reports the others', async () => {
      const presentation = await signed([diCredential, strangersCredential, jwtCredential], 'di');
      const report = await verify(presentation, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'holder')?.code).toBe('holder-mismatch');
      expect(report.credentials.map((credential) => credential.verified)).toEqual([true, false, true]);
      const stranger = report.credentials[1]!;
      expect(stranger.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      expect(stranger.checks.find((check) => check.check === 'holder')?.code).toBe('holder-mismatch');
    });

    it('reports a tampered credential inside individually while the holder proof and the others pass', async () => {
      const tampered = structuredClone(diCredential) as { name: string };
      tampered.name = 'Advanced penetration testing';
      const presentation = await signed([tampered, jwtCredential], 'jwt');
      const report = await verify(presentation, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      expect(report.credentials[0]?.checks.find((check) => check.check === 'proof')?.code).toBe(
        'proof-invalid',
      );
      expect(report.credentials[1]?.verified).toBe(true);
    });

    it('refuses a presentation holding more credentials than the limit before verifying any', async () => {
      const crowded = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.controller,
        verifiableCredential: Array.from({ length: MAX_PRESENTATION_CREDENTIALS + 1 }, () => jwtCredential),
      };
      const report = await verify(crowded, { challenge: CHALLENGE, domain: DOMAIN });
      expect(codesOf(report.checks)).toEqual(['input-too-large']);
      expect(report.credentials).toEqual([]);
    });

    it('reports unreadable entries inside one by one without hiding the readable credential', async () => {
      const messy = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.controller,
        verifiableCredential: [
          diCredential,
          42,
          'eyJhbGciOi.broken',
          { type: 'EnvelopedVerifiableCredential' },
        ],
        proof: 'not a proof',
      };
      const report = await verify(messy, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('holder-proof-invalid');
      expect(report.credentials).toHaveLength(4);
      expect(report.credentials[0]?.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      expect(report.credentials.slice(1).map((credential) => credential.checks[0]?.code)).toEqual([
        'input-not-json',
        'jwt-malformed',
        'context-missing',
      ]);
    });

    it('fails a presentation that has no proof with holder-proof-invalid', async () => {
      const unsigned = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.controller,
        verifiableCredential: [diCredential],
      };
      const report = await verify(unsigned, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('holder-proof-invalid');
      expect(report.credentials).toHaveLength(1);
    });

    it('fails a presentation naming a holder other than its signer with holder-mismatch', async () => {
      const jwt = await signAsHolder(other, {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.controller,
        nonce: CHALLENGE,
        aud: DOMAIN,
        verifiableCredential: [jwtCredential],
      });
      const report = await verify(jwt, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('holder-mismatch');
    });

    it('fails a Data Integrity presentation signed by someone other than its holder with holder-mismatch', async () => {
      const presentation = vc.createPresentation({
        verifiableCredential: [diCredential],
        holder: learner.controller,
      });
      const signedByOther = await vc.signPresentation({
        presentation,
        suite: new DataIntegrityProof({
          signer: (await libraryKeyOf(other)).signer(),
          cryptosuite: eddsaRdfc2022,
        }),
        challenge: CHALLENGE,
        domain: DOMAIN,
        documentLoader: independentLoader(other, issuer),
      });
      const report = await verify(signedByOther, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.verified).toBe(false);
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
      expect(report.checks.find((check) => check.check === 'holder')?.code).toBe('holder-mismatch');
    });

    it('fails a presentation whose JWT signature was made by another key with holder-proof-invalid', async () => {
      const jwt = (await signed([jwtCredential], 'jwt')) as string;
      const [header, payload] = jwt.split('.');
      const forged = await signAsHolder(other, JSON.parse(Buffer.from(payload!, 'base64url').toString()));
      const spliced = `${header}.${payload}.${forged.split('.')[2]}`;
      const report = await verify(spliced, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('holder-proof-invalid');
    });

    it('fails an expired presentation JWT', async () => {
      const jwt = await signAsHolder(learner, {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: learner.controller,
        nonce: CHALLENGE,
        aud: DOMAIN,
        exp: 1_000_000_000,
        verifiableCredential: [jwtCredential],
      });
      const report = await verify(jwt, { challenge: CHALLENGE, domain: DOMAIN });
      expect(report.checks.find((check) => check.check === 'validity')?.code).toBe('expired');
      expect(report.verified).toBe(false);
    });
  });
});
