import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import type { MultikeyJson, MultikeyKeyPair } from '@digitalbazaar/ed25519-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { KeyType, PassportKeyPair } from './key-pair.js';

const ED25519_PUBLIC_KEY_BYTES = 32;
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** Multibase prefixes of the multicodec-tagged public keys (base58btc 'z' + codec bytes). */
const PREFIX_TO_TYPE: Array<[string, KeyType]> = [
  ['z6Mk', 'Ed25519'],
  ['zDn', 'P-256'],
  ['z82', 'P-384'],
];

/**
 * The key type a multibase public key encodes, from its multicodec prefix.
 *
 * @example
 * keyTypeOfMultibase('z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'); // 'Ed25519'
 */
export function keyTypeOfMultibase(publicKeyMultibase: string): KeyType | undefined {
  return PREFIX_TO_TYPE.find(([prefix]) => publicKeyMultibase.startsWith(prefix))?.[1];
}

/** Loads a key into the @digitalbazaar multikey library that matches its type (for signing and JWK export). */
export async function toLibraryKeyPair(key: PassportKeyPair): Promise<MultikeyKeyPair> {
  const json: MultikeyJson = {
    '@context': MULTIKEY_CONTEXT,
    type: 'Multikey',
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
  if (key.secretKeyMultibase) json.secretKeyMultibase = key.secretKeyMultibase;
  try {
    const loaded = key.type === 'Ed25519' ? await Ed25519Multikey.from(json) : await EcdsaMultikey.from(json);
    // The Ed25519 library checks the multicodec header but not the key length.
    if (key.type === 'Ed25519' && loaded.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
      throw new Error(`expected a ${ED25519_PUBLIC_KEY_BYTES}-byte public key`);
    }
    return loaded;
  } catch (error) {
    throw new PassportError(Codes.invalidKey, `The ${key.type} key ${key.id} could not be loaded.`, error);
  }
}

/** The library for a key type: Ed25519 and ECDSA keys come from two @digitalbazaar packages with one API. */
export function multikeyLibraryFor(type: KeyType): typeof Ed25519Multikey | typeof EcdsaMultikey {
  return type === 'Ed25519' ? Ed25519Multikey : EcdsaMultikey;
}
