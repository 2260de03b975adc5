import type { SafeFetch, SafeResponse } from '@skills-passport/core';

/** Answers a request in-process, as `app.request` does. */
export type InProcessRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * The fetch the service's own verifier uses: URLs under the service's public URL (its status lists and did:web
 * documents) are answered by the app in-process, so the service can check its own credentials even on
 * `http://localhost` and without a round trip; every other URL goes to `fallback` (the safe fetch: https and
 * public addresses only), or fails when there is none.
 *
 * @example
 * let app: Hono;
 * const safeFetch = createSelfFetch(publicUrl, (path, init) => app.request(path, init), createSafeFetch());
 * app = createApp({ verify: createVerifier({ resolverOptions: { safeFetch } }), ... });
 */
export function createSelfFetch(
  publicUrl: string,
  request: InProcessRequest,
  fallback?: SafeFetch,
): SafeFetch {
  const base = new URL(publicUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return async (url, init) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new Error(`${url} is not a URL.`);
    }
    if (target.origin === base.origin && target.pathname.startsWith(`${prefix}/`)) {
      const path = `${target.pathname.slice(prefix.length)}${target.search}`;
      const response = await request(path, { method: 'GET', headers: init?.headers ?? {} });
      // Asking ourselves costs one store read, so our own lists are revalidated on every check (ETag, 304):
      // a revocation made here shows here at once, whatever max-age other verifiers are given.
      const headers = new Headers(response.headers);
      headers.set('cache-control', 'no-cache');
      return bufferedResponse(response, headers, url);
    }
    if (!fallback) throw new Error(`${url} is not served by this service and outbound fetches are off.`);
    return fallback(url, init);
  };
}

async function bufferedResponse(response: Response, headers: Headers, url: string): Promise<SafeResponse> {
  const text = await response.text();
  return {
    status: response.status,
    headers,
    url,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}
