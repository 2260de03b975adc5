import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

/** Verifiers by the exact verification method they were made from (its JSON), oldest dropped first. */
const verifiers = new Map<string, Promise<Ed25519Multikey.Verifier>>();
const MAX_VERIFIERS = 1000;

/**
 * eddsa-rdfc-2022 for verifying, with each key's verifier made once. The library's verifier imports the public key
 * into node:crypto on every signature check (5% of a first-sight verification in a profile), so this keeps the
 * imported key. The method is read exactly as the cryptosuite's own `createVerifier` reads it, and a verifier is
 * only reused for a method with exactly the same JSON, so a rotated key behind the same id gets a new one.
 *
 * @example
 * new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Verifying })
 */
export const eddsaRdfc2022Verifying = {
  ...(eddsaRdfc2022 as object),
  createVerifier({ verificationMethod }: { verificationMethod: Ed25519Multikey.MultikeyJson }) {
    const material = JSON.stringify(verificationMethod);
    const cached = verifiers.get(material);
    if (cached) return cached;
    const made = keepingImportedKey(verificationMethod);
    // A method the library refuses is not kept: the next check reports the error afresh.
    made.catch(() => verifiers.delete(material));
    if (verifiers.size >= MAX_VERIFIERS) verifiers.delete(verifiers.keys().next().value as string);
    verifiers.set(material, made);
    return made;
  },
};

async function keepingImportedKey(
  verificationMethod: Ed25519Multikey.MultikeyJson,
): Promise<Ed25519Multikey.Verifier> {
  // What the cryptosuite's createVerifier does: the library validates the method (type, key length, multibase).
  const keyPair = await Ed25519Multikey.from(verificationMethod);
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
      return verify(null, data, key, signature);
    },
  };
}
