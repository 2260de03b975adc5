/**
 * A bounded memo for keys made usable (imported keys, signers, verifiers), and for canonical proof options, by the
 * exact material each was made from: each is made once, a failure is not kept (the next call reports it afresh),
 * and beyond `maxEntries` the oldest is dropped first. Importing a key costs as much as the signature it serves,
 * and a cohort or a busy verifier uses the same few keys, and the same proof options, thousands of times.
 *
 * @example
 * const imported = keptByMaterial<CryptoKey>(100);
 * const key = await imported(JSON.stringify(jwk), () => importJWK(jwk, 'EdDSA'));
 */
export function keptByMaterial<T>(
  maxEntries: number,
): (material: string, make: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (material, make) => {
    const known = kept.get(material);
    if (known) return known;
    const made = make();
    made.catch(() => kept.delete(material));
    if (kept.size >= maxEntries) kept.delete(kept.keys().next().value as string);
    kept.set(material, made);
    return made;
  };
}
