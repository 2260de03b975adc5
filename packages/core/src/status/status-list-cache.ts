import type { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';

/** A status list credential whose proof, issuer and encoding were checked, reduced to what a lookup needs. */
export interface VerifiedStatusList {
  /** The URL it was fetched from. */
  url: string;
  /** The list credential's issuer id. */
  issuer: string;
  /** `credentialSubject.statusPurpose`. */
  purpose: string;
  /** The decoded bits. */
  bits: BitstringStatusList;
  /** `validUntil` of the list credential in milliseconds, when it has one. */
  validUntil?: number;
}

export interface StatusListCacheOptions {
  /** Longest time a list is used without asking the server again, in seconds (default 300). */
  maxAgeSeconds?: number;
  /** Most lists kept; the least recently used goes first (default 1,000; 0 turns caching off). */
  maxEntries?: number;
}

interface CachedStatusList<T> {
  list: T;
  etag: string | undefined;
  /** When the entry must be revalidated, in epoch milliseconds. */
  staleAt: number;
}

/**
 * A bounded, least-recently-used cache of verified status lists, keyed by URL. Entries past their freshness are
 * kept so the next fetch can revalidate them with `If-None-Match` instead of downloading and verifying again.
 * `T` is what is kept per list: a `VerifiedStatusList` by default; the status checker keeps every kind of list it
 * reads (bit lists and 1EdTech revocation lists) in one cache, under keys that name the kind.
 *
 * @example
 * const cache = new StatusListCache({ maxAgeSeconds: 60 });
 * cache.set(url, list, { etag: '"v3"', freshSeconds: 60, now: Date.now() });
 * cache.get(url)?.fresh(Date.now()); // true within the minute
 */
export class StatusListCache<T = VerifiedStatusList> {
  readonly maxAgeSeconds: number;
  readonly maxEntries: number;
  readonly #entries = new Map<string, CachedStatusList<T>>();

  constructor(options: StatusListCacheOptions = {}) {
    this.maxAgeSeconds = Math.max(0, options.maxAgeSeconds ?? 300);
    this.maxEntries = Math.max(0, Math.floor(options.maxEntries ?? 1000));
  }

  /** The cached list of `url`, with its ETag and whether it may still be used without asking. */
  get(url: string): { list: T; etag: string | undefined; fresh(now: number): boolean } | undefined {
    const entry = this.#entries.get(url);
    if (!entry) return undefined;
    this.#entries.delete(url);
    this.#entries.set(url, entry);
    return { list: entry.list, etag: entry.etag, fresh: (now) => now < entry.staleAt };
  }

  /** Stores a list, fresh for `freshSeconds` (capped at `maxAgeSeconds`); nothing is kept when caching is off. */
  set(url: string, list: T, meta: { etag: string | undefined; freshSeconds: number; now: number }): void {
    if (this.maxEntries === 0) return;
    const seconds = Math.min(Math.max(0, meta.freshSeconds), this.maxAgeSeconds);
    this.#entries.delete(url);
    this.#entries.set(url, { list, etag: meta.etag, staleAt: meta.now + seconds * 1000 });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets one list (a response said not to store it). */
  delete(url: string): void {
    this.#entries.delete(url);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * How long a response may be used, from its `Cache-Control` header: `no-store` -> not stored at all, `no-cache`
 * -> 0 (stored, revalidated every time), `max-age=N` -> N, nothing said -> `fallbackSeconds`.
 *
 * @example
 * freshnessOf(new Headers({ 'cache-control': 'public, max-age=60' }), 300); // { store: true, seconds: 60 }
 */
export function freshnessOf(headers: Headers, fallbackSeconds: number): { store: boolean; seconds: number } {
  const directives = (headers.get('cache-control') ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (directives.includes('no-store')) return { store: false, seconds: 0 };
  if (directives.includes('no-cache')) return { store: true, seconds: 0 };
  const maxAge = directives.find((part) => part.startsWith('max-age='));
  if (maxAge) {
    const seconds = Number(maxAge.slice('max-age='.length).replace(/^"|"$/g, ''));
    if (Number.isFinite(seconds) && seconds >= 0) return { store: true, seconds };
  }
  return { store: true, seconds: fallbackSeconds };
}
