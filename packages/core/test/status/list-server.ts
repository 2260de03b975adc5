// Test support: serves an issuer service's status lists to the verifier through an injected fetch (no network).
import { createSafeFetch, type IssuerService, type SafeFetch } from '../../src/index.js';

export const BASE_URL = 'https://passport.example.org';

export interface ListServer {
  safeFetch: SafeFetch;
  /** Every request the verifier made, with its If-None-Match header. */
  requests: Array<{ url: string; ifNoneMatch: string | null }>;
  /** Replace a list's response body (to tamper with it, or serve another list in its place). */
  override: Map<string, (body: Record<string, unknown>) => unknown>;
  /** Answer every request with this HTTP status (or throw for 'down'). */
  failure?: number | 'down';
  /** The Cache-Control header sent with lists. */
  cacheControl: string;
}

/**
 * A safe fetch whose "network" is the issuer service's `statusListCredential`, answering like the server does:
 * ETag, Cache-Control and 304 for a matching If-None-Match.
 */
export function listServer(service: IssuerService): ListServer {
  const server: ListServer = {
    requests: [],
    override: new Map(),
    cacheControl: 'max-age=300',
    safeFetch: undefined as unknown as SafeFetch,
  };
  const prefix = `${BASE_URL}/status/`;
  server.safeFetch = createSafeFetch({
    lookup: async () => [{ address: '93.184.216.34' }],
    fetch: async (url, init) => {
      const headers = new Headers(init.headers);
      server.requests.push({ url, ifNoneMatch: headers.get('if-none-match') });
      if (server.failure === 'down') throw new TypeError('fetch failed: connection refused');
      if (server.failure) return new Response('unavailable', { status: server.failure });
      if (!url.startsWith(prefix)) return new Response('not found', { status: 404 });
      const listId = decodeURIComponent(url.slice(prefix.length));
      const list = await service.statusListCredential(listId);
      if (!list) return new Response('not found', { status: 404 });
      const responseHeaders = { etag: list.etag, 'cache-control': server.cacheControl };
      if (headers.get('if-none-match') === list.etag)
        return new Response(null, { status: 304, headers: responseHeaders });
      const change = server.override.get(url);
      const body = change ? change(structuredClone(list.credential)) : list.credential;
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status: 200,
        headers: { ...responseHeaders, 'content-type': 'application/vc+ld+json' },
      });
    },
  });
  return server;
}
