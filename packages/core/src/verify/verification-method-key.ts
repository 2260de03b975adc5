import { importJWK, type JWK } from 'jose';
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
const importedKeys = new Map<string, Promise<KeyLike | undefined>>();
const MAX_IMPORTED_KEYS = 1000;

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
  const cached = importedKeys.get(material);
  if (cached) return cached;
  const imported = jwkOfVerificationMethod(method).then((jwk) => (jwk ? importJWK(jwk, alg) : undefined));
  // A failed import is not kept: the next call reports the error afresh.
  imported.catch(() => importedKeys.delete(material));
  if (importedKeys.size >= MAX_IMPORTED_KEYS) importedKeys.delete(importedKeys.keys().next().value as string);
  importedKeys.set(material, imported);
  return imported;
}
