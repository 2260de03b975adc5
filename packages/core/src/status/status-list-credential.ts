import { BitstringStatusList, createCredential } from '@digitalbazaar/vc-bitstring-status-list';
import { issueCredential } from '../issue/issue-credential.js';
import type { PassportKeyPair } from '../keys/key-pair.js';
import type { DocumentLoader } from '../loader/document-loader.js';
import type { StatusPurpose } from './status-list-entry.js';

export interface StatusListCredentialOptions {
  /** The URL the list is published at; it is also the credential's `id`. */
  id: string;
  /** The issuer DID: the same issuer as the credentials whose bits the list holds. */
  issuer: string;
  purpose: StatusPurpose;
  /** The bitstring; bit 0 is the most significant bit of byte 0. */
  bits: Uint8Array;
}

/**
 * The unsigned `BitstringStatusListCredential` for a list (VC 2.0 context, which defines the status list
 * terms): `credentialSubject` is a `BitstringStatusList` with the GZIP + multibase base64url `encodedList`.
 *
 * @example
 * const unsigned = await createStatusListCredential({ id: 'https://passport.example.org/status/Zq3f',
 *   issuer: 'did:web:passport.example.org', purpose: 'revocation', bits: new Uint8Array(16384) });
 */
export async function createStatusListCredential(
  options: StatusListCredentialOptions,
): Promise<Record<string, unknown>> {
  const list = new BitstringStatusList({ buffer: new Uint8Array(options.bits) });
  const credential = await createCredential({ id: options.id, list, statusPurpose: options.purpose });
  // Property order as the spec's examples: context, id, type, issuer, then the subject.
  const { credentialSubject, ...head } = credential;
  return { ...head, issuer: options.issuer, credentialSubject };
}

/**
 * Builds and signs a status list credential with the issuer's key (Data Integrity: eddsa-rdfc-2022 for Ed25519,
 * ecdsa-rdfc-2019 for P-256/P-384). `validFrom` is the signing time.
 *
 * @example
 * const signed = await signStatusListCredential({ id: listUrl, issuer: key.controller, purpose: 'revocation',
 *   bits, issuerKey: key });
 */
export async function signStatusListCredential(
  options: StatusListCredentialOptions & {
    issuerKey: PassportKeyPair;
    now?: () => Date;
    documentLoader?: DocumentLoader;
  },
): Promise<Record<string, unknown>> {
  const unsigned = await createStatusListCredential(options);
  return issueCredential(unsigned, {
    issuerKey: options.issuerKey,
    format: 'di',
    // Not an Open Badge: none of our credential schemas apply.
    validateSchema: false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.documentLoader ? { documentLoader: options.documentLoader } : {}),
  });
}
