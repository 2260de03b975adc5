import type { SafeFetch } from '@skills-passport/core';
import { createSelfFetch } from '@skills-passport/server';
import { describe, expect, it } from 'vitest';

describe('createSelfFetch', () => {
  const answer = async (path: string, init: RequestInit) =>
    new Response(JSON.stringify({ path, inm: new Headers(init.headers).get('if-none-match') }), {
      headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=30', etag: '"v1"' },
    });

  it("answers the service's own URLs in-process, marked for revalidation on every use", async () => {
    const fetch = createSelfFetch('https://passport.example.org', answer);
    const response = await fetch('https://passport.example.org/status/abc?x=1', {
      headers: { 'if-none-match': '"v0"' },
    });
    expect(await response.json()).toEqual({ path: '/status/abc?x=1', inm: '"v0"' });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toBe('"v1"');
  });

  it('keeps a public URL with a path prefix apart from other paths on the same host', async () => {
    const seen: string[] = [];
    const fallback: SafeFetch = async (url) => {
      seen.push(url);
      return { status: 404, headers: new Headers(), url, text: async () => '', json: async () => ({}) };
    };
    const fetch = createSelfFetch('https://example.org/passport/', answer, fallback);
    expect(await (await fetch('https://example.org/passport/status/1')).json()).toMatchObject({
      path: '/status/1',
    });
    await fetch('https://example.org/other/did.json');
    expect(seen).toEqual(['https://example.org/other/did.json']);
  });

  it('refuses other URLs when outbound fetches are off', async () => {
    const fetch = createSelfFetch('https://passport.example.org', answer);
    await expect(fetch('https://elsewhere.example/status/1')).rejects.toThrow();
  });
});
