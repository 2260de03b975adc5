import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { PassportKeyPair } from './key-pair.js';
import { keyTypeOfMultibase, multikeyLibraryFor, toLibraryKeyPair } from './multikey-library.js';

export interface MultikeyDocument {
  '@context': string;
  type: 'Multikey';
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
}

export type Jwk = Record<string, unknown> & { kty: string; crv?: string; x?: string; y?: string; d?: string };

const ED25519_SEED_BYTES = 32;
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/**
 * Exports a key as a Multikey JSON document (the form the DID document and Data Integrity use).
 * The secret part is included only when asked for.
 *
 * @example
 * const publicOnly = exportMultikey(key);
 * const backup = exportMultikey(key, { includeSecret: true });
 */
export function exportMultikey(
  key: PassportKeyPair,
  options: { includeSecret?: boolean } = {},
): MultikeyDocument {
  const document: MultikeyDocument = {
    '@context': MULTIKEY_CONTEXT,
    type: 'Multikey',
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
  if (options.includeSecret && key.secretKeyMultibase) document.secretKeyMultibase = key.secretKeyMultibase;
  return document;
}

/**
 * Imports a Multikey JSON document (with or without its secret part).
 *
 * @example
 * const key = await importMultikey(JSON.parse(await readFile('issuer-key.json', 'utf8')));
 */
export async function importMultikey(document: unknown): Promise<PassportKeyPair> {
  const doc = document as Partial<MultikeyDocument> | null;
  const type =
    typeof doc?.publicKeyMultibase === 'string' ? keyTypeOfMultibase(doc.publicKeyMultibase) : undefined;
  if (doc?.type !== 'Multikey' || !type || typeof doc.controller !== 'string') {
    throw new PassportError(
      Codes.invalidKey,
      'Not a Multikey document: expected type "Multikey", a controller and an Ed25519, P-256 or P-384 publicKeyMultibase.',
    );
  }
  const key: PassportKeyPair = {
    type,
    id: typeof doc.id === 'string' ? doc.id : `${doc.controller}#${doc.publicKeyMultibase}`,
    controller: doc.controller,
    publicKeyMultibase: doc.publicKeyMultibase as string,
  };
  if (typeof doc.secretKeyMultibase === 'string') key.secretKeyMultibase = doc.secretKeyMultibase;
  await toLibraryKeyPair(key); // throws invalid-key when the bytes are not a valid key
  return key;
}

/**
 * Exports a key as a JWK (for jose, JWT `kid` resolution and `publicKeyJwk` verification methods).
 *
 * @example
 * const jwk = await exportJwk(key); // { kty: 'OKP', crv: 'Ed25519', x: '…' }
 */
export async function exportJwk(
  key: PassportKeyPair,
  options: { includeSecret?: boolean } = {},
): Promise<Jwk> {
  const libraryKey = await toLibraryKeyPair(key);
  const jwk = (await multikeyLibraryFor(key.type).toJwk({
    keyPair: libraryKey,
    secretKey: Boolean(options.includeSecret),
  })) as Jwk;
  // The Ed25519 library keeps a 64-byte (seed + public) secret and exports all of it; RFC 8037 `d` is the 32-byte seed.
  if (jwk.crv === 'Ed25519' && typeof jwk.d === 'string') {
    jwk.d = Buffer.from(jwk.d, 'base64url').subarray(0, ED25519_SEED_BYTES).toString('base64url');
  }
  return jwk;
}

/**
 * Imports a JWK (OKP Ed25519 or EC P-256/P-384) as a key pair controlled by `controller`
 * (default: the key's own did:key).
 *
 * @example
 * const key = await importJwk({ kty: 'OKP', crv: 'Ed25519', x: '…', d: '…' });
 */
export async function importJwk(
  jwk: Jwk,
  options: { controller?: string; id?: string } = {},
): Promise<PassportKeyPair> {
  const type =
    jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'Ed25519' : jwk.kty === 'EC' ? jwk.crv : undefined;
  if (type !== 'Ed25519' && type !== 'P-256' && type !== 'P-384') {
    throw new PassportError(
      Codes.invalidKey,
      'Only Ed25519 (OKP) and P-256 / P-384 (EC) JWKs can be imported.',
    );
  }
  let libraryKey: Awaited<ReturnType<typeof toLibraryKeyPair>>;
  try {
    libraryKey = await multikeyLibraryFor(type).fromJwk({ jwk, secretKey: Boolean(jwk.d) });
  } catch (error) {
    throw new PassportError(Codes.invalidKey, 'The JWK is not a valid key.', error);
  }
  const exported = await libraryKey.export({ publicKey: true, secretKey: true, includeContext: false });
  const publicKeyMultibase = String(exported.publicKeyMultibase);
  const controller = options.controller ?? `did:key:${publicKeyMultibase}`;
  const key: PassportKeyPair = {
    type,
    id: options.id ?? `${controller}#${publicKeyMultibase}`,
    controller,
    publicKeyMultibase,
  };
  if (exported.secretKeyMultibase) key.secretKeyMultibase = String(exported.secretKeyMultibase);
  return key;
}

/** Drops the secret part, for publishing or for verification-only use. */
export function publicKeyOf(key: PassportKeyPair): PassportKeyPair {
  const { secretKeyMultibase: _secret, ...publicKey } = key;
  return publicKey;
}
