// Test support: an injected "network" of status lists by URL, recording every URL the verifier fetched.
import { createSafeFetch, type SafeFetch } from '../../src/index.js';

export interface ListHost {
  safeFetch: SafeFetch;
  /** Every URL fetched, in order. */
  urls: string[];
  /** What each URL serves: a string as it is (a JWT), anything else as JSON. Unknown URLs answer 404. */
  documents: Map<string, unknown>;
  /** URLs whose host is down (the fetch throws), or that answer with this HTTP status. */
  failures: Map<string, number | 'down'>;
}

/** A safe fetch over `documents` (https only, public hosts, as in production: only DNS is stubbed). */
export function listHost(): ListHost {
  const host: ListHost = {
    urls: [],
    documents: new Map(),
    failures: new Map(),
    safeFetch: undefined as unknown as SafeFetch,
  };
  host.safeFetch = createSafeFetch({
    lookup: async () => [{ address: '93.184.216.34' }],
    fetch: async (url) => {
      host.urls.push(url);
      const failure = host.failures.get(url);
      if (failure === 'down') throw new TypeError('fetch failed: connection refused');
      if (failure) return new Response('unavailable', { status: failure });
      if (!host.documents.has(url)) return new Response('not found', { status: 404 });
      const body = host.documents.get(url);
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status: 200,
        headers: {
          'cache-control': 'max-age=300',
          'content-type': typeof body === 'string' ? 'application/jwt' : 'application/json',
        },
      });
    },
  });
  return host;
}
