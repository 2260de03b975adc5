// Fixed-seed keys for the hostile corpus, so `generate.ts` writes the same files on every run and the test can
// rebuild the DID documents and status lists the network scenarios serve.
import { createPrivateKey } from 'node:crypto';
import {
  createDidWebDocument,
  importJwk,
  type Jwk,
  type PassportKeyPair,
} from '../../packages/core/src/index.js';

/** PKCS #8 header of a raw 32-byte Ed25519 seed (RFC 8410), so node can derive the public half. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * An Ed25519 key from a one-byte seed pattern: the same bytes give the same key on every machine.
 *
 * @example
 * const issuer = await seededKey(1); // did:key:z6Mk… with a fixed value
 */
export async function seededKey(
  seedByte: number,
  options: { controller?: string; id?: string } = {},
): Promise<PassportKeyPair> {
  const seed = Buffer.alloc(32, seedByte);
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
  const jwk = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }) as Jwk;
  return importJwk(jwk, options);
}

/** The DIDs and hosts of the corpus. `.example` names never resolve for real: the scenarios answer for them. */
export const WEB_ISSUER_DID = 'did:web:issuer.example';
export const WEB_ISSUER_KEY_ID = `${WEB_ISSUER_DID}#key-1`;

export interface CorpusKeys {
  /** The honest issuer (did:key). */
  issuer: PassportKeyPair;
  /** Someone else: an attacker with a valid key of their own. */
  other: PassportKeyPair;
  /** The learner / holder. */
  learner: PassportKeyPair;
  /** An organisation issuing under did:web:issuer.example. */
  webIssuer: PassportKeyPair;
}

/**
 * Every key the corpus uses.
 *
 * @example
 * const { issuer, other } = await corpusKeys();
 */
export async function corpusKeys(): Promise<CorpusKeys> {
  return {
    issuer: await seededKey(1),
    other: await seededKey(2),
    learner: await seededKey(3),
    webIssuer: await seededKey(4, { controller: WEB_ISSUER_DID, id: WEB_ISSUER_KEY_ID }),
  };
}

/** A did:web key re-homed at another DID (localhost, a private address…): same key, the DID an attacker chose. */
export async function keyAtDid(did: string): Promise<PassportKeyPair> {
  return seededKey(4, { controller: did, id: `${did}#key-1` });
}

/** The published DID document of `did:web:issuer.example`. */
export function webIssuerDocument(key: PassportKeyPair): Record<string, unknown> {
  return createDidWebDocument({
    domain: 'issuer.example',
    keys: [{ id: 'key-1', type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
  }) as unknown as Record<string, unknown>;
}
