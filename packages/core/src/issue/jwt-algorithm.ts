import { importJWK } from 'jose';
import { keptByMaterial } from '../keys/kept-by-material.js';
import { exportJwk } from '../keys/key-export.js';
import type { KeyType, PassportKeyPair } from '../keys/key-pair.js';

/** The JOSE algorithm for each key type we sign with. */
export function jwtAlgorithmFor(type: KeyType): 'EdDSA' | 'ES256' | 'ES384' {
  if (type === 'Ed25519') return 'EdDSA';
  return type === 'P-256' ? 'ES256' : 'ES384';
}

type SigningKey = Awaited<ReturnType<typeof importJWK>>;
const signingKeys = keptByMaterial<SigningKey>(100);

/**
 * The key's algorithm and its private key imported for jose. Imports are cached by the secret itself: importing
 * costs as much as signing, and a cohort is signed with one key thousands of times.
 *
 * @example
 * const { alg, privateKey } = await jwtSigningKey(issuerKey);
 * const jwt = await new SignJWT(claims).setProtectedHeader({ alg, kid: issuerKey.id }).sign(privateKey);
 */
export async function jwtSigningKey(key: PassportKeyPair): Promise<{ alg: string; privateKey: SigningKey }> {
  const alg = jwtAlgorithmFor(key.type);
  const cacheKey = `${alg}:${key.publicKeyMultibase}:${key.secretKeyMultibase ?? ''}`;
  const privateKey = await signingKeys(cacheKey, () =>
    exportJwk(key, { includeSecret: true }).then((jwk) => importJWK(jwk, alg)),
  );
  return { alg, privateKey };
}
