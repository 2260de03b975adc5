import { describe, expect, it, vi } from 'vitest';
import { createSafeFetch, type FetchLike } from '../../src/index.js';

const publicLookup = async () => [{ address: '93.184.216.34' }];

function respondWith(body: string, init: ResponseInit = {}): FetchLike {
  return vi.fn(async () => new Response(body, init));
}

describe('the safe fetch used for every outbound request', () => {
  it('fetches a public https URL and returns the body', async () => {
    const fetch = respondWith('{"ok":true}', { status: 200 });
    const safeFetch = createSafeFetch({ fetch, lookup: publicLookup });
    const response = await safeFetch('https://issuer.example.org/.well-known/did.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses plain http unless allowed (fetch-scheme-not-allowed)', async () => {
    const fetch = respondWith('{}');
    const safeFetch = createSafeFetch({ fetch, lookup: publicLookup });
    await expect(safeFetch('http://issuer.example.org/x')).rejects.toMatchObject({
      code: 'fetch-scheme-not-allowed',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    'https://localhost/x',
    'https://api.localhost/x',
    'https://127.0.0.1/x',
    'https://10.1.2.3/x',
    'https://192.168.0.5/x',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[fd00::1]/x',
  ])('refuses the non-public address %s before connecting (fetch-address-not-allowed)', async (url) => {
    const fetch = respondWith('{}');
    const safeFetch = createSafeFetch({ fetch, lookup: publicLookup });
    await expect(safeFetch(url)).rejects.toMatchObject({ code: 'fetch-address-not-allowed' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a host name that resolves to a private address', async () => {
    const fetch = respondWith('{}');
    const safeFetch = createSafeFetch({
      fetch,
      lookup: async () => [{ address: '93.184.216.34' }, { address: '10.0.0.7' }],
    });
    await expect(safeFetch('https://rebind.example.org/x')).rejects.toMatchObject({
      code: 'fetch-address-not-allowed',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('checks every redirect hop: a redirect to a private address is refused', async () => {
    const fetch = vi.fn<FetchLike>(
      async () => new Response(null, { status: 302, headers: { location: 'https://127.0.0.1/admin' } }),
    );
    const safeFetch = createSafeFetch({ fetch, lookup: publicLookup });
    await expect(safeFetch('https://issuer.example.org/x')).rejects.toMatchObject({
      code: 'fetch-address-not-allowed',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops after the redirect limit (fetch-too-many-redirects)', async () => {
    const fetch = vi.fn<FetchLike>(
      async () => new Response(null, { status: 301, headers: { location: '/again' } }),
    );
    const safeFetch = createSafeFetch({ fetch, lookup: publicLookup, maxRedirects: 2 });
    await expect(safeFetch('https://issuer.example.org/x')).rejects.toMatchObject({
      code: 'fetch-too-many-redirects',
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('refuses a body larger than the limit, declared or streamed (fetch-too-large)', async () => {
    const big = 'x'.repeat(2048);
    const declared = createSafeFetch({ fetch: respondWith(big), lookup: publicLookup, maxBytes: 1024 });
    await expect(declared('https://issuer.example.org/x')).rejects.toMatchObject({ code: 'fetch-too-large' });
    const streamed = createSafeFetch({
      lookup: publicLookup,
      maxBytes: 1024,
      fetch: async () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode('y'.repeat(512)));
            },
          }),
        ),
    });
    await expect(streamed('https://issuer.example.org/endless')).rejects.toMatchObject({
      code: 'fetch-too-large',
    });
  });

  it('gives up on a server that never answers (fetch-timeout)', async () => {
    const safeFetch = createSafeFetch({
      lookup: publicLookup,
      timeoutMs: 50,
      fetch: () => new Promise(() => {}),
    });
    await expect(safeFetch('https://slow.example.org/x')).rejects.toMatchObject({ code: 'fetch-timeout' });
  });

  it('gives up on a body that trickles forever (fetch-timeout)', async () => {
    const safeFetch = createSafeFetch({
      lookup: publicLookup,
      timeoutMs: 50,
      fetch: async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) })),
    });
    await expect(safeFetch('https://slow.example.org/x')).rejects.toMatchObject({ code: 'fetch-timeout' });
  });

  it('allows loopback over http only when both are explicitly allowed (tests, local development)', async () => {
    const fetch = respondWith('{"local":1}');
    const safeFetch = createSafeFetch({ fetch, allowHttp: true, allowPrivateAddresses: true });
    expect(await (await safeFetch('http://127.0.0.1:8080/x')).json()).toEqual({ local: 1 });
  });
});
