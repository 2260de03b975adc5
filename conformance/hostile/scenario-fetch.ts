// Serves a named scenario of cases.json in-process: the injected `fetch` and DNS `lookup` the verifier's safe fetch
// uses. Nothing here touches the real network; every call is recorded so the test can assert on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchLike, HostLookup } from '../../packages/core/src/index.js';
import type { Route, Scenario } from './table.js';

export interface ScenarioNetwork {
  fetch: FetchLike;
  lookup: HostLookup;
  /** Every URL fetched, in order. */
  fetched: string[];
  /** Every hostname looked up, in order. */
  lookedUp: string[];
}

/**
 * The network of one scenario: routes answer as described, unknown URLs answer 404 (and are recorded, so the
 * test fails on them), unknown hosts do not resolve.
 *
 * @example
 * const network = scenarioNetwork(table.scenarios['web-issuer'], hostileRoot);
 * createVerifier({ resolverOptions: { fetch: network.fetch, lookup: network.lookup } });
 */
export function scenarioNetwork(scenario: Scenario, root: string): ScenarioNetwork {
  const fetched: string[] = [];
  const lookedUp: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    fetched.push(url);
    const route = scenario.routes[url];
    if (!route) return new Response('no such route in this scenario', { status: 404 });
    return respond(route, root, init.signal ?? undefined);
  };
  const lookup: HostLookup = async (hostname) => {
    lookedUp.push(hostname);
    const addresses = scenario.dns[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address }));
  };
  return { fetch, lookup, fetched, lookedUp };
}

function respond(route: Route, root: string, signal: AbortSignal | undefined): Promise<Response> {
  if (route.hang === 'response') {
    // Never answers; settles only when the caller gives up, so no timer or promise outlives the case.
    return new Promise((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
  const headers = new Headers();
  if (route.location) headers.set('location', route.location);
  if (route.contentLength) headers.set('content-length', String(route.contentLength));
  const status = route.status ?? 200;
  if (route.hang === 'body') {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
      },
    });
    return Promise.resolve(new Response(body, { status, headers }));
  }
  if (route.streamBytes) {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= (route.streamBytes ?? 0)) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return Promise.resolve(new Response(body, { status, headers }));
  }
  const text = route.file ? readFileSync(join(root, route.file)) : (route.body ?? '');
  // A declared length larger than the body is the point of those routes; Response would not let us set it.
  return Promise.resolve(
    route.contentLength
      ? ({ status, headers, body: new Response(text).body } as unknown as Response)
      : new Response(status === 204 || status === 304 || (status >= 300 && status < 400) ? null : text, {
          status,
          headers,
        }),
  );
}
