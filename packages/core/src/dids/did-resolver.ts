import { type DIDDocument, Resolver, type VerificationMethod } from 'did-resolver';
import { Codes } from '../codes.js';
import { createSafeFetch, type SafeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';
import { createDidDocumentCache, type DidDocumentCacheOptions } from './did-document-cache.js';
import { getDidKeyResolver } from './did-key-driver.js';
import { DidResolutionError, type DidResolutionErrorCode } from './did-resolution-error.js';
import { getDidWebResolver } from './did-web-driver.js';

/** The verification relationships a key can be asked for. */
export type VerificationPurpose = 'assertionMethod' | 'authentication';

export interface DidResolverOptions extends SafeFetchOptions {
  /** A ready-made safe fetch; default one built from the other options (https only, public addresses, 5 s, 1 MiB). */
  safeFetch?: SafeFetch;
  /** did:web over plain http (local development and tests only; `allowHttp` must also be set). */
  didWebOverHttp?: boolean;
  /** Cache of resolved DID documents (default 500 entries, 5 minutes). */
  cache?: DidDocumentCacheOptions;
}

/** A resolved verification method and the DID document it came from. */
export interface ResolvedVerificationMethod {
  method: VerificationMethod;
  document: DIDDocument;
}

export interface DidResolver {
  /** The DID document of `did` (a fragment or query is ignored). Throws `DidResolutionError`. */
  resolve(did: string): Promise<DIDDocument>;
  /**
   * The verification method `id` names (`did:…#fragment`), checked to be listed under `purpose` when one is given.
   * Throws `DidResolutionError` (`key-not-found`, `key-not-authorized`, …).
   */
  resolveVerificationMethod(
    id: string,
    options?: { purpose?: VerificationPurpose },
  ): Promise<ResolvedVerificationMethod>;
  /**
   * `resolveVerificationMethod` answered from the DID documents already cached, with the same checks and errors,
   * without waiting: `undefined` when the document is not cached (or has expired), so the caller resolves it.
   */
  cachedVerificationMethod(
    id: string,
    options?: { purpose?: VerificationPurpose },
  ): ResolvedVerificationMethod | undefined;
}

/**
 * The DID resolver the verifier uses: did-resolver with a `did:key` driver (offline) and a `did:web` driver that
 * fetches only through the safe fetch (https, public addresses, time and size limits), behind a bounded TTL cache.
 *
 * @example
 * const resolver = createDidResolver({ timeoutMs: 3000 });
 * const { method } = await resolver.resolveVerificationMethod(kid, { purpose: 'assertionMethod' });
 */
export function createDidResolver(options: DidResolverOptions = {}): DidResolver {
  const safeFetch = options.safeFetch ?? createSafeFetch(options);
  const cache = createDidDocumentCache(options.cache);
  const resolver = new Resolver(
    { ...getDidKeyResolver(), ...getDidWebResolver(safeFetch, { useHttp: options.didWebOverHttp }) },
    { cache },
  );

  async function resolve(didUrl: string): Promise<DIDDocument> {
    const did = didOf(didUrl);
    const method = /^did:([a-z0-9]+):/.exec(did)?.[1];
    if (method !== 'key' && method !== 'web') {
      throw new DidResolutionError(
        Codes.didMethodUnsupported,
        did,
        `DID method of ${did} is not supported (did:key, did:web).`,
      );
    }
    const result = await resolver.resolve(did);
    const metadata = result.didResolutionMetadata as {
      error?: string;
      code?: DidResolutionErrorCode;
      message?: string;
    };
    if (metadata.error || !result.didDocument) {
      throw new DidResolutionError(
        metadata.code ?? Codes.didResolutionFailed,
        did,
        metadata.message ?? `${did} could not be resolved (${metadata.error ?? 'no document'}).`,
      );
    }
    return result.didDocument;
  }

  async function resolveVerificationMethod(
    id: string,
    resolveOptions: { purpose?: VerificationPurpose } = {},
  ): Promise<ResolvedVerificationMethod> {
    return methodOf(await resolve(id), id, resolveOptions.purpose);
  }

  function cachedVerificationMethod(
    id: string,
    resolveOptions: { purpose?: VerificationPurpose } = {},
  ): ResolvedVerificationMethod | undefined {
    const document = cache.peek(didOf(id))?.didDocument;
    return document ? methodOf(document, id, resolveOptions.purpose) : undefined;
  }

  return { resolve, resolveVerificationMethod, cachedVerificationMethod };
}

/** The DID of a DID URL: without its fragment or query. */
function didOf(didUrl: string): string {
  return didUrl.split(/[#?]/)[0] ?? didUrl;
}

/** The verification method `id` names in `document`, listed under `purpose` when one is given; else throws. */
function methodOf(
  document: DIDDocument,
  id: string,
  purpose: VerificationPurpose | undefined,
): ResolvedVerificationMethod {
  const fragment = id.includes('#') ? id.slice(id.indexOf('#')) : undefined;
  if (!fragment)
    throw new DidResolutionError(Codes.keyNotFound, id, `${id} does not name a key (no #fragment).`);
  const matches = (candidate: string) =>
    candidate === id || (candidate === fragment && id.startsWith(document.id));
  const method = findMethod(document, matches);
  if (!method) throw new DidResolutionError(Codes.keyNotFound, id, `${document.id} has no key ${fragment}.`);
  if (method.controller !== document.id) {
    throw new DidResolutionError(
      Codes.keyNotAuthorized,
      id,
      `Key ${id} is not controlled by ${document.id}.`,
    );
  }
  if (purpose) {
    const listed = (document[purpose] ?? []).some((entry) =>
      typeof entry === 'string' ? matches(entry) : matches(entry.id),
    );
    if (!listed) {
      throw new DidResolutionError(
        Codes.keyNotAuthorized,
        id,
        `Key ${id} is not listed under ${purpose} in ${document.id}.`,
      );
    }
  }
  return { method: { ...method, id }, document };
}

/** A verification method, declared on its own or embedded in a relationship, whose id matches. */
function findMethod(document: DIDDocument, matches: (id: string) => boolean): VerificationMethod | undefined {
  const relationships = [document.assertionMethod, document.authentication, document.capabilityInvocation];
  const embedded = relationships.flatMap((list) => (list ?? []).filter((entry) => typeof entry === 'object'));
  return [...(document.verificationMethod ?? []), ...embedded].find((method) => matches(method.id));
}
