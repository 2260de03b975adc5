import { keptByMaterial } from '../keys/kept-by-material.js';

type Canonize = (input: unknown, options: object) => Promise<string>;

/**
 * A cryptosuite that canonicalizes each distinct set of proof options once. A Data Integrity signature covers the
 * canonical credential and, separately, its canonical proof options (type, cryptosuite, created, key, purpose)
 * under the credential's `@context`. For an Open Badge those few options cost about a third of a signature,
 * because jsonld.js processes the large OB context for them again, yet a cohort signed in one batch, or
 * credentials signed in the same second, share them exactly. Only proof options are remembered (an object typed
 * `DataIntegrityProof` without `proofValue`), by their exact JSON, at most 1,000, oldest dropped first; a failure
 * is not kept. The credential itself is canonicalized in full every time.
 *
 * Only for the bundled document loader: the same JSON canonicalizes alike only under the same contexts, and ours
 * are fixed (bundled, never fetched). With a caller's own loader, use the library's cryptosuite.
 *
 * @example
 * new DataIntegrityProof({ signer, cryptosuite: rememberingProofOptions(eddsaRdfc2022) })
 */
export function rememberingProofOptions<Suite extends object>(cryptosuite: Suite): Suite {
  const library = cryptosuite as unknown as { canonize: Canonize };
  const canonical = keptByMaterial<string>(1000);
  const canonize: Canonize = (input, options) => {
    if (!isProofOptions(input)) return library.canonize(input, options);
    return canonical(JSON.stringify(input), () => library.canonize(input, options));
  };
  return { ...cryptosuite, canonize };
}

function isProofOptions(input: unknown): boolean {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return false;
  const record = input as Record<string, unknown>;
  return record.type === 'DataIntegrityProof' && !('proofValue' in record);
}
