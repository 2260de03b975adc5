// Minimal types for the parts of @digitalbazaar/ed25519-multikey we use (the package ships none).
declare module '@digitalbazaar/ed25519-multikey' {
  export interface MultikeyJson {
    '@context'?: string | string[];
    type?: string;
    id?: string;
    controller?: string;
    publicKeyMultibase?: string;
    secretKeyMultibase?: string;
    publicKeyJwk?: Record<string, unknown>;
    [key: string]: unknown;
  }
  export interface Signer {
    id?: string;
    algorithm: string;
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Verifier {
    id?: string;
    algorithm: string;
    verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }
  export interface MultikeyKeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    publicKey: Uint8Array;
    secretKey?: Uint8Array;
    export(options?: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
      raw?: boolean;
      canonicalize?: boolean;
    }): Promise<MultikeyJson>;
    signer(): Signer;
    verifier(): Verifier;
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<MultikeyKeyPair>;
  export function from(key: MultikeyJson): Promise<MultikeyKeyPair>;
  export function fromJwk(options: {
    jwk: Record<string, unknown>;
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<MultikeyKeyPair>;
  export function toJwk(options: {
    keyPair: MultikeyKeyPair;
    secretKey?: boolean;
  }): Promise<Record<string, unknown>>;
}
