/** The key types we sign with: Ed25519 for eddsa-rdfc-2022 / EdDSA, NIST curves for ecdsa-* / ES256 / ES384. */
export type KeyType = 'Ed25519' | 'P-256' | 'P-384';

/**
 * A key pair as plain, serialisable data (what the store encrypts and the CLI writes to disk).
 * `id` is the verification method id (`did:key:z6Mk…#z6Mk…` or `did:web:example.org#key-1`), `controller` its DID.
 */
export interface PassportKeyPair {
  type: KeyType;
  id: string;
  controller: string;
  publicKeyMultibase: string;
  /** Absent on a public-only key (verification only). */
  secretKeyMultibase?: string;
}
