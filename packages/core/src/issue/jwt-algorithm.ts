import type { KeyType } from '../keys/key-pair.js';

/** The JOSE algorithm for each key type we sign with. */
export function jwtAlgorithmFor(type: KeyType): 'EdDSA' | 'ES256' | 'ES384' {
  if (type === 'Ed25519') return 'EdDSA';
  return type === 'P-256' ? 'ES256' : 'ES384';
}
