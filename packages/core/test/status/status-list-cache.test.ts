import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import { freshnessOf, StatusListCache } from '../../src/index.js';

describe('status list cache', () => {
  it('reads freshness from Cache-Control', () => {
    expect(freshnessOf(new Headers({ 'cache-control': 'public, max-age=60' }), 300)).toEqual({
      store: true,
      seconds: 60,
    });
    expect(freshnessOf(new Headers({ 'cache-control': 'no-cache' }), 300)).toEqual({
      store: true,
      seconds: 0,
    });
    expect(freshnessOf(new Headers({ 'cache-control': 'no-store, max-age=60' }), 300)).toEqual({
      store: false,
      seconds: 0,
    });
    expect(freshnessOf(new Headers(), 300)).toEqual({ store: true, seconds: 300 });
  });

  it('evicts the least recently used list beyond maxEntries and caps freshness at maxAgeSeconds', () => {
    const cache = new StatusListCache({ maxEntries: 2, maxAgeSeconds: 10 });
    const list = (url: string) => ({
      url,
      issuer: 'did:key:z',
      purpose: 'revocation',
      bits: new BitstringStatusList({ length: 8 }),
    });
    cache.set('a', list('a'), { etag: undefined, freshSeconds: 3600, now: 0 });
    cache.set('b', list('b'), { etag: undefined, freshSeconds: 5, now: 0 });
    cache.get('a');
    cache.set('c', list('c'), { etag: undefined, freshSeconds: 5, now: 0 });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.fresh(9_999)).toBe(true);
    expect(cache.get('a')?.fresh(10_000)).toBe(false);
    expect(cache.size).toBe(2);
  });
});
