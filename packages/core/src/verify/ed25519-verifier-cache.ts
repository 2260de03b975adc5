import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { jwkOfVerificationMethod } from './verification-method-key.js';

/** What data-integrity asks of a cryptosuite's verifier. */
type ProofVerifier = Awaited<ReturnType<typeof eddsaRdfc2022.createVerifier>>;

/** Verifiers by the exact verification method they were made from (its JSON), oldest dropped first. */
const verifiers = new Map<string, Promise<ProofVerifier>>();
const MAX_VERIFIERS = 1000;

/**
 * eddsa-rdfc-2022 for verifying, with each key's verifier made once. The library's verifier imports the public key
 * into node:crypto on every signature check (5% of a first-sight verification in a profile), so this keeps the
 * imported key. A method is still validated by the library the first time it is seen, and a cached verifier is
 * only reused for a method with exactly the same JSON, so a rotated key behind the same id gets a new one.
 *
 * @example
 * new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Verifying })
 */
export const eddsaRdfc2022Verifying = {
  ...eddsaRdfc2022,
  createVerifier({ verificationMethod }: { verificationMethod: Record<string, unknown> }) {
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

async function keepingImportedKey(verificationMethod: Record<string, unknown>): Promise<ProofVerifier> {
  // The library's own verifier validates the method (type, key length, multibase header) and names the algorithm.
  const checked = await eddsaRdfc2022.createVerifier({ verificationMethod });
  const jwk = await jwkOfVerificationMethod(verificationMethod);
  if (!jwk) return checked;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
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
