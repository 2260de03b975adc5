import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';

/** One recognised issuer: a training provider, an awarding body or a certification vendor. */
export interface TrustedIssuer {
  /** The issuer's DID or URL, exactly as it appears in credentials. */
  id: string;
  name: string;
  kind?: 'training-provider' | 'awarding-body' | 'vendor' | 'employer' | 'other';
  url?: string;
  /** When present, the only OB `achievementType`s this issuer is recognised for (e.g. `["Certification"]`). */
  achievementTypes?: string[];
  /** Verification method ids confirmed for the OB 3.0 `<url>#<key>` form (proves the key is the issuer's). */
  keys?: string[];
}

/** The JSON file an employer or partnership publishes: who they recognise. */
export interface TrustRegistryDocument {
  name: string;
  updated?: string;
  issuers: TrustedIssuer[];
}

/**
 * The list of issuers a verifier recognises. Verification reports an issuer outside it as a warning, or as a
 * failure when the verifier requires registered issuers.
 *
 * @example
 * const registry = TrustRegistry.from(JSON.parse(await readFile('trust-registry.json', 'utf8')));
 * registry.lookup('did:web:training.example.org')?.name; // 'Example Training Ltd'
 */
export class TrustRegistry {
  readonly name: string;
  readonly #issuers: Map<string, TrustedIssuer>;

  private constructor(document: TrustRegistryDocument) {
    this.name = document.name;
    this.#issuers = new Map(document.issuers.map((issuer) => [issuer.id, issuer]));
  }

  /** Reads a registry document, refusing one that is not shaped as documented (a configuration error). */
  static from(document: unknown): TrustRegistry {
    const doc = document as Partial<TrustRegistryDocument> | null;
    if (!doc || typeof doc.name !== 'string' || !Array.isArray(doc.issuers)) {
      throw new PassportError(Codes.invalidOptions, 'A trust registry needs a "name" and an "issuers" list.');
    }
    doc.issuers.forEach((issuer, index) => {
      if (!issuer || typeof issuer.id !== 'string' || typeof issuer.name !== 'string') {
        throw new PassportError(
          Codes.invalidOptions,
          `Trust registry issuer #${index + 1} needs an "id" and a "name".`,
        );
      }
    });
    return new TrustRegistry(doc as TrustRegistryDocument);
  }

  lookup(issuerId: string): TrustedIssuer | undefined {
    return this.#issuers.get(issuerId);
  }

  get size(): number {
    return this.#issuers.size;
  }
}
