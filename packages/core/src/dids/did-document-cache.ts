import type { DIDCache, DIDResolutionResult } from 'did-resolver';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';

export interface DidDocumentCacheOptions {
  /** Most DID documents kept; the least recently used goes first (default 500). */
  maxEntries?: number;
  /** How long a document is trusted before it is fetched again, in ms (default 5 minutes). */
  ttlMs?: number;
  /** The clock (default: the system clock). */
  now?: () => Date;
}

/** The defaults `createDidDocumentCache` fills in. */
export const DID_DOCUMENT_CACHE_DEFAULTS = { maxEntries: 500, ttlMs: 5 * 60 * 1000 } as const;

/** did-resolver's cache, plus a look at what it holds without resolving anything. */
export interface DidDocumentCache extends DIDCache {
  /** The resolution result kept for `did` while it is fresh, else `undefined`; never resolves. */
  peek(did: string): DIDResolutionResult | undefined;
}

/**
 * A bounded, expiring in-memory cache for did-resolver's `Resolver`. did-resolver's own cache never expires
 * and never evicts, so a rotated did:web key would never be seen and a stream of distinct DIDs would grow it
 * without limit. Only successful resolutions are kept, keyed by DID (fragments and queries share the entry).
 *
 * @example
 * const resolver = new Resolver(drivers, { cache: createDidDocumentCache({ ttlMs: 60_000 }) });
 */
export function createDidDocumentCache(options: DidDocumentCacheOptions = {}): DidDocumentCache {
  const maxEntries = options.maxEntries ?? DID_DOCUMENT_CACHE_DEFAULTS.maxEntries;
  const ttlMs = options.ttlMs ?? DID_DOCUMENT_CACHE_DEFAULTS.ttlMs;
  if (!Number.isInteger(maxEntries) || maxEntries < 1 || !(ttlMs > 0)) {
    throw new PassportError(
      Codes.invalidOptions,
      'The DID cache needs maxEntries >= 1 and a positive ttlMs.',
    );
  }
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, { result: DIDResolutionResult; expiresAt: number }>();

  /** The fresh entry for `did`, moved to the back so Map order is least-recently-used first. */
  function fresh(did: string): DIDResolutionResult | undefined {
    const entry = entries.get(did);
    if (!entry) return undefined;
    entries.delete(did);
    if (entry.expiresAt <= now().getTime()) return undefined;
    entries.set(did, entry);
    return entry.result;
  }

  const cache: DIDCache = async (parsed, resolve, resolutionOptions) => {
    if (resolutionOptions?.cache === false) return resolve();
    const kept = fresh(parsed.did);
    if (kept) return kept;
    const result = await resolve();
    if (!result.didResolutionMetadata.error && result.didDocument) {
      entries.set(parsed.did, { result, expiresAt: now().getTime() + ttlMs });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    }
    return result;
  };
  return Object.assign(cache, { peek: fresh });
}
