// Minimal types for the parts of @digitalbazaar/ecdsa-multikey we use (the package ships none).
declare module '@digitalbazaar/ecdsa-multikey' {
  import type { MultikeyJson, MultikeyKeyPair } from '@digitalbazaar/ed25519-multikey';
  export function generate(options: {
    id?: string;
    controller?: string;
    curve: 'P-256' | 'P-384';
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
