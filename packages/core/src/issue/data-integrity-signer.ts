import { webcrypto } from 'node:crypto';
import type { Signer } from '@digitalbazaar/ed25519-multikey';
import type { PassportKeyPair } from '../keys/key-pair.js';
import { toLibraryKeyPair } from '../keys/multikey-library.js';
import { jwtSigningKey } from './jwt-algorithm.js';

/**
 * The signer for a Data Integrity proof by this key. The Ed25519 library imports the private key into node:crypto
 * for every signature, 12% of a cohort's Data Integrity issuing in a profile; this signer uses the key imported
 * once (the cached import that signs JWTs) through WebCrypto, which also runs the signature off this thread while
 * the next credential is canonicalized. ECDSA keys sign through their library, which uses WebCrypto already.
 *
 * @example
 * const suite = signingSuite(issuerKey.type, await dataIntegritySigner(issuerKey), {});
 */
export async function dataIntegritySigner(key: PassportKeyPair): Promise<Signer> {
  // The library's signer also checks the key: a public-only key is refused here.
  const librarySigner = (await toLibraryKeyPair(key)).signer();
  if (key.type !== 'Ed25519') return librarySigner;
  const { privateKey } = await jwtSigningKey(key);
  return {
    ...(librarySigner.id === undefined ? {} : { id: librarySigner.id }),
    algorithm: librarySigner.algorithm,
    async sign({ data }) {
      return new Uint8Array(await webcrypto.subtle.sign('Ed25519', privateKey as webcrypto.CryptoKey, data));
    },
  };
}
