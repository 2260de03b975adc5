import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import {
  createDidResolver,
  createDocumentLoader,
  createVerifier,
  generateKey,
  issueCredential,
} from '../../src/index.js';
import { forbiddenFetch, openBadge } from '../fixtures.js';

const example = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../examples/credentials/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, any>;
const now = () => new Date('2026-06-01T00:00:00Z');
const fetch = forbiddenFetch();
const resolver = createDidResolver({ fetch });
const documentLoader = createDocumentLoader({ resolver });

describe('our profiles and the other proof formats', () => {
  it.each([
    ['micro-module-cyber-security-essentials.json', 'micro-module'],
    ['vendor-certification-comptia-security-plus.json', 'vendor-certification'],
  ])('issues %s in both formats and verifies it, profile schema included', async (file, profile) => {
    const issuerKey = await generateKey();
    for (const format of ['di', 'jwt'] as const) {
      const unsigned = example(file);
      unsigned.issuer.id = issuerKey.controller;
      const signed = await issueCredential(unsigned, { issuerKey, format });
      const report = await createVerifier({ resolver, now })(signed);
      expect(report.verified).toBe(true);
      expect(report.checks.find((check) => check.check === 'schema')?.message).toContain(profile);
      expect(report.credentials[0]?.summary.skills.length).toBeGreaterThan(0);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('verifies a selectively disclosed credential (ecdsa-sd-2023 derived proof) and rejects a changed disclosure', async () => {
    const issuerKey = await generateKey({ type: 'P-256' });
    const base = await issueCredential(openBadge(issuerKey, 'did:example:learner'), {
      issuerKey,
      mandatoryPointers: [
        '/issuer',
        '/validFrom',
        '/credentialSubject/type',
        '/credentialSubject/achievement',
      ],
    });
    const disclose = new DataIntegrityProof({
      cryptosuite: ecdsaSd2023.createDiscloseCryptosuite({ selectivePointers: ['/credentialSubject/id'] }),
    });
    const derived = await vc.derive({ verifiableCredential: base, suite: disclose, documentLoader });
    const verify = createVerifier({ resolver, now });
    const report = await verify(derived);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
    expect(report.verified).toBe(true);
    const changed = structuredClone(derived) as Record<string, any>;
    changed.credentialSubject.achievement.name = 'Advanced penetration testing';
    expect((await verify(changed)).checks.find((check) => check.check === 'proof')?.code).toBe(
      'proof-invalid',
    );
  });

  it('verifies a VC 1.1 credential signed with Ed25519Signature2020 by @digitalbazaar/vc directly', async () => {
    const keyPair = await Ed25519VerificationKey2020.generate();
    const did = `did:key:${keyPair.fingerprint()}`;
    keyPair.controller = did;
    keyPair.id = `${did}#${keyPair.fingerprint()}`;
    const credential = {
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://w3id.org/security/suites/ed25519-2020/v1',
      ],
      id: 'urn:uuid:8f0c2a52-1d6f-4a59-9d0e-3b5a7f3c1e22',
      type: ['VerifiableCredential'],
      issuer: did,
      issuanceDate: '2026-01-10T09:00:00Z',
      credentialSubject: { id: 'did:example:learner' },
    };
    const signed = await vc.issue({
      credential,
      suite: new Ed25519Signature2020({ key: keyPair }),
      documentLoader,
    });
    const verify = createVerifier({ resolver, now });
    const report = await verify(signed);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
    expect(report.verified).toBe(true);
    const tampered = { ...signed, issuanceDate: '2025-01-10T09:00:00Z' };
    expect((await verify(tampered)).checks.find((check) => check.check === 'proof')?.code).toBe(
      'proof-invalid',
    );
  });
});
