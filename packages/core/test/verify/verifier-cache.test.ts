import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../src/index.js';
import {
  ecdsaRdfc2019Verifying,
  ecdsaSd2023Verifying,
  eddsaRdfc2022Verifying,
} from '../../src/verify/verifier-cache.js';

async function keyWithMethod() {
  const key = await generateKey({ type: 'Ed25519' });
  const method = {
    id: key.id,
    type: 'Multikey',
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
  // Signed by the multikey library itself, not by the code under test.
  const signer = (
    await Ed25519Multikey.from({ ...method, secretKeyMultibase: key.secretKeyMultibase })
  ).signer();
  return { method, sign: (data: Uint8Array) => signer.sign({ data }) };
}

describe('eddsa-rdfc-2022 verifiers kept per verification method', () => {
  it('reads the key the library reads when a method carries two (multibase and JWK), agreeing with its verifier', async () => {
    const signing = await keyWithMethod();
    const other = await generateKey({ type: 'Ed25519' });
    const otherJwk = await Ed25519Multikey.toJwk({
      keyPair: await Ed25519Multikey.from({
        ...signing.method,
        publicKeyMultibase: other.publicKeyMultibase,
      }),
    });
    const both = { ...signing.method, publicKeyJwk: otherJwk };
    const data = new Uint8Array(64).fill(5);
    const signature = await signing.sign(data);
    const library = (await Ed25519Multikey.from(both)).verifier();
    const ours = await eddsaRdfc2022Verifying.createVerifier({ verificationMethod: both });
    expect(await library.verify({ data, signature })).toBe(true);
    expect(await ours.verify({ data, signature })).toBe(true);
  });

  it('still lets the library refuse a method of another key type, every time it is asked', async () => {
    const { method } = await keyWithMethod();
    const other = { ...method, type: 'EcdsaSecp256k1VerificationKey2019' };
    await expect(eddsaRdfc2022Verifying.createVerifier({ verificationMethod: other })).rejects.toThrow();
    await expect(eddsaRdfc2022Verifying.createVerifier({ verificationMethod: other })).rejects.toThrow();
  });

  it('refuses every signature under a key it cannot read, as the library does', async () => {
    const { method, sign } = await keyWithMethod();
    const data = new Uint8Array(64).fill(3);
    const signature = await sign(data);
    const broken = { ...method, publicKeyMultibase: `z${'1'.repeat(10)}` };
    const verifier = await eddsaRdfc2022Verifying
      .createVerifier({ verificationMethod: broken })
      .catch(() => undefined);
    const verified = await verifier?.verify({ data, signature }).catch(() => false);
    expect(verified ?? false).toBe(false);
  });
});

async function p256WithMethod() {
  // Made and signed by the multikey library itself, not by the code under test.
  const keyPair = await EcdsaMultikey.generate({
    curve: 'P-256',
    id: 'did:key:zP256#k',
    controller: 'did:key:zP256',
  });
  const method = (await keyPair.export({ publicKey: true, includeContext: false })) as Record<
    string,
    unknown
  >;
  const signer = keyPair.signer();
  return { method, sign: (data: Uint8Array) => signer.sign({ data }) };
}

describe('ecdsa verifiers kept per verification method', () => {
  it('keeps each suite’s verifiers apart: ecdsa-sd-2023 never gets the ecdsa-rdfc-2019 verifier of the same key', async () => {
    const { method } = await p256WithMethod();
    const rdfc = await ecdsaRdfc2019Verifying.createVerifier({ verificationMethod: method });
    const sd = await ecdsaSd2023Verifying.createVerifier({ verificationMethod: method });
    expect(sd).not.toBe(rdfc);
    expect(await ecdsaSd2023Verifying.createVerifier({ verificationMethod: { ...method } })).toBe(sd);
  });

  it('still lets the library refuse an ecdsa method it cannot read, every time it is asked', async () => {
    const { method } = await p256WithMethod();
    const broken = { ...method, publicKeyMultibase: 'zNotAKey' };
    await expect(ecdsaRdfc2019Verifying.createVerifier({ verificationMethod: broken })).rejects.toThrow();
    await expect(ecdsaRdfc2019Verifying.createVerifier({ verificationMethod: broken })).rejects.toThrow();
  });
});

describe.each([
  {
    suite: 'eddsa-rdfc-2022',
    verifying: eddsaRdfc2022Verifying,
    makeKey: keyWithMethod,
    algorithm: 'Ed25519',
  },
  {
    suite: 'ecdsa-rdfc-2019',
    verifying: ecdsaRdfc2019Verifying,
    makeKey: p256WithMethod,
    algorithm: 'P-256',
  },
])('$suite verifiers kept per verification method', ({ verifying, makeKey, algorithm }) => {
  it('makes one verifier per method, which accepts a good signature and refuses a changed message', async () => {
    const { method, sign } = await makeKey();
    const data = new Uint8Array(64).fill(7);
    const signature = await sign(data);
    const first = await verifying.createVerifier({ verificationMethod: method });
    const again = await verifying.createVerifier({ verificationMethod: { ...method } });
    expect(again).toBe(first);
    expect(first.algorithm).toBe(algorithm);
    expect(await first.verify({ data, signature })).toBe(true);
    expect(await first.verify({ data: new Uint8Array(64).fill(8), signature })).toBe(false);
  });

  it('gives a rotated key behind the same id its own verifier, so the old key’s signatures fail', async () => {
    const old = await makeKey();
    const rotated = await makeKey();
    const data = new Uint8Array(64).fill(1);
    const signedByOld = await old.sign(data);
    const sameId = { ...rotated.method, id: old.method.id, controller: old.method.controller };
    const oldVerifier = await verifying.createVerifier({ verificationMethod: old.method });
    const newVerifier = await verifying.createVerifier({ verificationMethod: sameId });
    expect(newVerifier).not.toBe(oldVerifier);
    expect(await oldVerifier.verify({ data, signature: signedByOld })).toBe(true);
    expect(await newVerifier.verify({ data, signature: signedByOld })).toBe(false);
  });
});
