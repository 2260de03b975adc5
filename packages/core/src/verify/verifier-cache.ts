import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { keptByMaterial } from '../keys/kept-by-material.js';

/** What a Data Integrity cryptosuite's verifier is made from, and what it does. */
interface SuiteVerifier {
  algorithm: string;
  id?: string;
  verify(input: { data: Uint8Array; signature?: Uint8Array }): Promise<boolean>;
}
type MakeVerifier = (input: { verificationMethod: Record<string, unknown> }) => Promise<SuiteVerifier>;

/**
 * A cryptosuite for verifying whose verifier for each key is made once. The libraries import the public key on
 * every proof check: about 0.4 ms for a P-256 key through WebCrypto, 5% of an Ed25519 first-sight verification.
 * A verifier is reused only for a verification method with exactly the same JSON, so a rotated key behind the same
 * id gets a new one; a method the library refuses is not kept, so every check reports it afresh. Each suite keeps
 * its own verifiers (ecdsa-sd-2023's verifier differs from ecdsa-rdfc-2019's for the same key), at most 1,000,
 * oldest dropped first.
 *
 * @example
 * new DataIntegrityProof({ cryptosuite: keepingVerifiers(ecdsaRdfc2019) })
 */
export function keepingVerifiers<Suite extends object>(
  cryptosuite: Suite,
  makeVerifier: MakeVerifier = (cryptosuite as unknown as { createVerifier: MakeVerifier }).createVerifier,
): Suite & { createVerifier: MakeVerifier } {
  const verifiers = keptByMaterial<SuiteVerifier>(1000);
  return {
    ...cryptosuite,
    createVerifier({ verificationMethod }) {
      return verifiers(JSON.stringify(verificationMethod), () => makeVerifier({ verificationMethod }));
    },
  };
}

/**
 * eddsa-rdfc-2022's verifier with its key imported into node:crypto once: the library's own verifier imports it
 * on every signature check. The method is read exactly as the cryptosuite's `createVerifier` reads it.
 */
async function ed25519KeepingImportedKey({
  verificationMethod,
}: {
  verificationMethod: Record<string, unknown>;
}): Promise<SuiteVerifier> {
  // What the cryptosuite's createVerifier does: the library validates the method (type, key length, multibase).
  const keyPair = await Ed25519Multikey.from(verificationMethod as Ed25519Multikey.MultikeyJson);
  const checked = keyPair.verifier();
  let key: KeyObject;
  try {
    // The very key bytes the library's verifier would use, imported once.
    const jwk = (await Ed25519Multikey.toJwk({ keyPair })) as JsonWebKey;
    key = createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    return checked;
  }
  return {
    algorithm: checked.algorithm,
    ...(checked.id === undefined ? {} : { id: checked.id }),
    async verify({ data, signature }) {
      return verify(null, data, key, signature as Uint8Array);
    },
  };
}

/** eddsa-rdfc-2022, keeping each key's verifier. */
export const eddsaRdfc2022Verifying = keepingVerifiers(eddsaRdfc2022 as object, ed25519KeepingImportedKey);
/** ecdsa-rdfc-2019 (P-256, P-384), keeping each key's verifier. */
export const ecdsaRdfc2019Verifying = keepingVerifiers(ecdsaRdfc2019 as object);
/** ecdsa-sd-2023 derived proofs, keeping each issuer key's verifier (the per-statement keys are the proof's own). */
export const ecdsaSd2023Verifying = keepingVerifiers(ecdsaSd2023.createVerifyCryptosuite() as object);
