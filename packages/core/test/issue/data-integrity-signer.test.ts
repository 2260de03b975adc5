import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { generateKey, publicKeyOf } from '../../src/index.js';
import { dataIntegritySigner } from '../../src/issue/data-integrity-signer.js';
import { multikeyJson } from '../fixtures.js';

const data = new TextEncoder().encode('canonical N-Quads and proof options, hashed');

describe('dataIntegritySigner', () => {
  it('signs an Ed25519 proof with exactly the bytes the library signer makes (Ed25519 is deterministic)', async () => {
    const key = await generateKey({ type: 'Ed25519' });
    const library = (await Ed25519Multikey.from(multikeyJson(key, true))).signer();
    const ours = await dataIntegritySigner(key);
    expect(ours.id).toBe(library.id);
    expect(ours.algorithm).toBe('Ed25519');
    const signature = await ours.sign({ data });
    expect(Buffer.from(signature).toString('hex')).toBe(
      Buffer.from(await library.sign({ data })).toString('hex'),
    );
    // Each key signs with its own imported key, not the first one cached.
    const other = await dataIntegritySigner(await generateKey({ type: 'Ed25519' }));
    expect(Buffer.from(await other.sign({ data })).equals(Buffer.from(signature))).toBe(false);
  });

  it('refuses a public-only key, as the library does, every time it is asked', async () => {
    const key = publicKeyOf(await generateKey({ type: 'Ed25519' }));
    await expect(dataIntegritySigner(key)).rejects.toThrow(/secret key is not available/i);
    await expect(dataIntegritySigner(key)).rejects.toThrow(/secret key is not available/i);
  });

  it('makes one signer per key, and another for the same key under another id', async () => {
    const key = await generateKey({ type: 'P-256' });
    const signer = await dataIntegritySigner(key);
    expect(await dataIntegritySigner({ ...key })).toBe(signer);
    const renamed = await dataIntegritySigner({ ...key, id: `${key.controller}#key-2` });
    expect(renamed).not.toBe(signer);
    expect(renamed.id).toBe(`${key.controller}#key-2`);
    // ECDSA signatures are not deterministic: the library's own verifier checks the kept signer's signature.
    const verifier = (await EcdsaMultikey.from(multikeyJson(key, false))).verifier();
    const signature = await signer.sign({ data });
    expect(await verifier.verify({ data, signature })).toBe(true);
    expect(await verifier.verify({ data: new TextEncoder().encode('something else'), signature })).toBe(
      false,
    );
  });
});
