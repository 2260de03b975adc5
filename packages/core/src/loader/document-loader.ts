import { Codes } from '../codes.js';
import { bundledContexts } from './bundled-contexts.js';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** What the loader needs from a DID resolver: a DID document, or one verification method of it. */
export interface VerificationMethodResolver {
  resolve(did: string): Promise<object>;
  resolveVerificationMethod(id: string): Promise<{ method: object; document: object }>;
}

/** Thrown inside JSON-LD processing; the verifier turns it into a `context-unknown` report entry. */
export class DocumentLoaderError extends Error {
  readonly code: string;
  readonly url: string;
  constructor(code: string, url: string, message: string) {
    super(message);
    this.name = 'DocumentLoaderError';
    this.code = code;
    this.url = url;
  }
}

export interface DocumentLoaderOptions {
  /** Resolves `did:` URLs (verification methods and controller documents). Without it DIDs are refused. */
  resolver?: VerificationMethodResolver;
  /** More contexts to trust, by URL (e.g. a partner's extension context an embedder has reviewed). */
  extraContexts?: Record<string, object>;
}

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';

let sharedContexts: Map<string, object> | undefined;

/**
 * Builds the offline JSON-LD document loader. Contexts come only from the bundle; DID URLs go to the resolver;
 * anything else is rejected with a `DocumentLoaderError` and is never fetched.
 *
 * @example
 * const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
 * await documentLoader('https://www.w3.org/ns/credentials/v2'); // bundled copy, no network
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  sharedContexts ??= bundledContexts();
  const contexts = options.extraContexts
    ? new Map([...sharedContexts, ...Object.entries(options.extraContexts)])
    : sharedContexts;

  return async function documentLoader(url: string): Promise<RemoteDocument> {
    const context = contexts.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };

    if (url.startsWith('did:')) {
      if (!options.resolver) {
        throw new DocumentLoaderError(
          Codes.didMethodUnsupported,
          url,
          `No DID resolver is configured for ${url}.`,
        );
      }
      if (url.includes('#')) {
        const { method, document } = await options.resolver.resolveVerificationMethod(url);
        // A method embedded in a DID document takes its terms from that document's context.
        const context = (document as { '@context'?: unknown })['@context'] ?? MULTIKEY_CONTEXT;
        return { contextUrl: null, documentUrl: url, document: withContext(method, context) };
      }
      const document = await options.resolver.resolve(url);
      return { contextUrl: null, documentUrl: url, document: withContext(document, DID_CONTEXT) };
    }

    throw new DocumentLoaderError(
      Codes.contextUnknown,
      url,
      `The document ${url} is not bundled and remote documents are never fetched.`,
    );
  };
}

function withContext(document: object, context: unknown): object {
  return '@context' in document ? document : { '@context': context, ...document };
}
