import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { KeyType, PassportKeyPair } from './key-pair.js';

export interface GenerateKeyOptions {
  /** Ed25519 by default. */
  type?: KeyType;
  /** The DID that controls the key. Without it the key is its own `did:key`. */
  controller?: string;
  /** Verification method id; defaults to `<controller>#<publicKeyMultibase>`. */
  id?: string;
}

/**
 * Generates a key pair as Multikey. Without a controller the key becomes a `did:key` identifier, which is what
 * learners and tests use; organisations pass their `did:web` as controller.
 *
 * @example
 * const issuerKey = await generateKey({ type: 'Ed25519' });
 * issuerKey.controller; // 'did:key:z6Mk…'
 */
export async function generateKey(options: GenerateKeyOptions = {}): Promise<PassportKeyPair> {
  const type = options.type ?? 'Ed25519';
  const generated =
    type === 'Ed25519' ? await Ed25519Multikey.generate() : await EcdsaMultikey.generate({ curve: type });
  // canonicalize: the 32-byte seed form of an Ed25519 secret, the same bytes a JWK import gives back.
  const exported = await generated.export({
    publicKey: true,
    secretKey: true,
    includeContext: false,
    canonicalize: true,
  });
  const publicKeyMultibase = String(exported.publicKeyMultibase);
  const controller = options.controller ?? `did:key:${publicKeyMultibase}`;
  return {
    type,
    id: options.id ?? `${controller}#${publicKeyMultibase}`,
    controller,
    publicKeyMultibase,
    secretKeyMultibase: String(exported.secretKeyMultibase),
  };
}

/**
 * The `did:key` identifier of a public key.
 *
 * @example
 * didKeyFor('z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'); // 'did:key:z6MkhaX…'
 */
export function didKeyFor(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}
