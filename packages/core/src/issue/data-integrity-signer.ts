import { webcrypto } from 'node:crypto';
import type { Signer } from '@digitalbazaar/ed25519-multikey';
import { keptByMaterial } from '../keys/kept-by-material.js';
import type { PassportKeyPair } from '../keys/key-pair.js';
import { toLibraryKeyPair } from '../keys/multikey-library.js';
import { jwtSigningKey } from './jwt-algorithm.js';

const signers = keptByMaterial<Signer>(100);

/**
 * The signer for a Data Integrity proof by this key, made once per key: the libraries import the private key for
 * every credential (Ed25519 into node:crypto for every signature, 12% of a cohort's DI issuing in a profile;
 * ECDSA into WebCrypto each time the key is loaded). Kept by the key itself, at most 100, oldest dropped first; a
 * key the library refuses is not kept, so every call reports it.
 *
 * @example
 * const suite = signingSuite(issuerKey.type, await dataIntegritySigner(issuerKey), {});
 */
export function dataIntegritySigner(key: PassportKeyPair): Promise<Signer> {
  const material = `${key.type}:${key.id}:${key.publicKeyMultibase}:${key.secretKeyMultibase ?? ''}`;
  return signers(material, () => signerOf(key));
}

async function signerOf(key: PassportKeyPair): Promise<Signer> {
  // The library's signer also checks the key: a public-only key is refused here.
  const librarySigner = (await toLibraryKeyPair(key)).signer();
  if (key.type !== 'Ed25519') return librarySigner;
  // The key imported once (the cached import that signs JWTs), through WebCrypto, which also runs the signature
  // off this thread while the next credential is canonicalized.
  const { privateKey } = await jwtSigningKey(key);
  return {
    ...(librarySigner.id === undefined ? {} : { id: librarySigner.id }),
    algorithm: librarySigner.algorithm,
    async sign({ data }) {
      return new Uint8Array(await webcrypto.subtle.sign('Ed25519', privateKey as webcrypto.CryptoKey, data));
    },
  };
}
