import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentLoader, issueCredential, type PassportKeyPair } from '../../src/index.js';
import { rememberingProofOptions } from '../../src/issue/remembering-proof-options.js';
import { keys, multikeyJson, openBadge } from '../fixtures.js';

type Canonizing = { canonize: (input: unknown, options: object) => Promise<string> };

const proofOptions = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: 'DataIntegrityProof',
  cryptosuite: 'eddsa-rdfc-2022',
  created: '2026-12-05T10:00:00Z',
  verificationMethod: 'did:key:z6Mk#z6Mk',
  proofPurpose: 'assertionMethod',
};

describe('rememberingProofOptions', () => {
  it('canonicalizes the same proof options once, and credentials and finished proofs every time', async () => {
    const library = {
      canonize: vi.fn(async (input: unknown, _options: object) => `nquads of ${JSON.stringify(input)}`),
    };
    const suite = rememberingProofOptions(library);
    const first = await suite.canonize(proofOptions, {});
    expect(await suite.canonize({ ...proofOptions }, {})).toBe(first);
    expect(library.canonize).toHaveBeenCalledTimes(1);

    await suite.canonize({ ...proofOptions, created: '2026-12-05T10:00:01Z' }, {});
    expect(library.canonize).toHaveBeenCalledTimes(2);
    const credential = { type: ['VerifiableCredential'], name: 'A' };
    await suite.canonize(credential, {});
    await suite.canonize(credential, {});
    await suite.canonize({ ...proofOptions, proofValue: 'z1' }, {});
    await suite.canonize({ ...proofOptions, proofValue: 'z1' }, {});
    expect(library.canonize).toHaveBeenCalledTimes(6);
  });

  it('does not keep a failed canonicalization: the next call tries again', async () => {
    const library = {
      canonize: vi
        .fn<(input: unknown, options: object) => Promise<string>>()
        .mockRejectedValueOnce(new Error('context not loaded'))
        .mockResolvedValue('nquads'),
    };
    const suite = rememberingProofOptions(library);
    await expect(suite.canonize(proofOptions, {})).rejects.toThrow('context not loaded');
    expect(await suite.canonize(proofOptions, {})).toBe('nquads');
    expect(library.canonize).toHaveBeenCalledTimes(2);
  });
});

describe('issuing credentials that share proof options', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const now = () => new Date('2026-12-05T10:00:00Z');

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });
  afterEach(() => vi.restoreAllMocks());

  it('canonicalizes each credential but their common proof options once, with the bundled loader', async () => {
    const canonize = vi.spyOn(eddsaRdfc2022 as Canonizing, 'canonize');
    for (let i = 0; i < 3; i++) {
      await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer, format: 'di', now });
    }
    const proofOptionsCalls = canonize.mock.calls.filter(
      ([input]) => (input as { type?: unknown }).type === 'DataIntegrityProof',
    );
    expect(canonize).toHaveBeenCalledTimes(4);
    expect(proofOptionsCalls).toHaveLength(1);
  });

  it('canonicalizes them every time with a caller’s own document loader', async () => {
    const documentLoader = createDocumentLoader();
    const canonize = vi.spyOn(eddsaRdfc2022 as Canonizing, 'canonize');
    for (let i = 0; i < 3; i++) {
      const credential = openBadge(issuer, learner.controller);
      await issueCredential(credential, { issuerKey: issuer, format: 'di', now, documentLoader });
    }
    expect(canonize).toHaveBeenCalledTimes(6);
  });

  it('signs exactly the proof @digitalbazaar/vc makes on its own (Ed25519 is deterministic)', async () => {
    const credential = openBadge(issuer, learner.controller);
    // Twice through ours, so the second proof is made from the remembered options.
    await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer, format: 'di', now });
    const ours = (await issueCredential(credential, { issuerKey: issuer, format: 'di', now })) as {
      proof: Array<{ proofValue: string }>;
    };
    const signer = (await Ed25519Multikey.from(multikeyJson(issuer, true))).signer();
    const suite = new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: now() });
    const library = await vc.issue({ credential, suite, documentLoader: createDocumentLoader() });
    expect(ours.proof[0]?.proofValue).toBe((library.proof as { proofValue: string }).proofValue);
  });
});
