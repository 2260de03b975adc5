import { importJWK, type JWK } from 'jose';
import { keptByMaterial } from '../keys/kept-by-material.js';
import type { KeyType } from '../keys/key-pair.js';
import { keyTypeOfMultibase, multikeyLibraryFor, toLibraryKeyPair } from '../keys/multikey-library.js';

type KeyLike = Awaited<ReturnType<typeof importJWK>>;

/** The public JWK of a verification method (`publicKeyJwk`, or a Multikey / Ed25519 2020 multibase key). */
export async function jwkOfVerificationMethod(method: Record<string, unknown>): Promise<JWK | undefined> {
  if (method.publicKeyJwk && typeof method.publicKeyJwk === 'object') {
    const { d: _private, ...publicJwk } = method.publicKeyJwk as JWK;
    return publicJwk;
  }
  const multibase = method.publicKeyMultibase;
  if (typeof multibase !== 'string') return undefined;
  const type: KeyType | undefined = keyTypeOfMultibase(multibase);
  if (!type) return undefined;
  const libraryKey = await toLibraryKeyPair({
    type,
    id: String(method.id ?? ''),
    controller: String(method.controller ?? ''),
    publicKeyMultibase: multibase,
  });
  return (await multikeyLibraryFor(type).toJwk({ keyPair: libraryKey })) as JWK;
}

/** Imported keys by algorithm and key material: importing costs more than the signature check itself. */
const importedKeys = keptByMaterial<KeyLike | undefined>(1000);

/**
 * Imports the verification method's key for jose, for the one algorithm the JWT header names. Imports are cached
 * by the public key bytes themselves (never by id), so a key that changed behind the same id is imported afresh.
 */
export function joseKeyOfVerificationMethod(
  method: Record<string, unknown>,
  alg: string,
): Promise<KeyLike | undefined> {
  const material = JSON.stringify([
    alg,
    method.publicKeyJwk ?? null,
    method.publicKeyMultibase ?? null,
    method.id,
  ]);
  return importedKeys(material, () =>
    jwkOfVerificationMethod(method).then((jwk) => (jwk ? importJWK(jwk, alg) : undefined)),
  );
}
