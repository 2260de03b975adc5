import { describe, expect, it, vi } from 'vitest';
import {
  createDidResolver,
  createDidWebDocument,
  didWebUrl,
  type FetchLike,
  generateKey,
} from '../../src/index.js';

const publicLookup = async () => [{ address: '93.184.216.34' }];

function serving(documents: Record<string, unknown>): FetchLike {
  return vi.fn(async (url: string) => {
    const body = documents[url];
    return body === undefined ? new Response('not found', { status: 404 }) : Response.json(body);
  });
}

describe('DID resolution', () => {
  it('resolves did:key offline to a document whose key is usable for assertion and authentication', async () => {
    const key = await generateKey();
    const fetch = serving({});
    const resolver = createDidResolver({ fetch, lookup: publicLookup });
    const { method, document } = await resolver.resolveVerificationMethod(key.id, {
      purpose: 'assertionMethod',
    });
    expect(document.id).toBe(key.controller);
    expect(method).toMatchObject({ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase });
    await expect(
      resolver.resolveVerificationMethod(key.id, { purpose: 'authentication' }),
    ).resolves.toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a did:key whose key bytes are not a valid key', async () => {
    const resolver = createDidResolver({ fetch: serving({}) });
    await expect(resolver.resolve('did:key:z6Mkbroken')).rejects.toMatchObject({
      code: 'did-resolution-failed',
    });
  });

  it('builds the did:web document an organisation publishes, and maps DIDs to their https URL', async () => {
    const key = await generateKey();
    const document = createDidWebDocument({
      domain: 'training.example.org',
      keys: [{ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
    });
    expect(document.id).toBe('did:web:training.example.org');
    expect(document.assertionMethod).toEqual(['did:web:training.example.org#key-1']);
    expect(didWebUrl(document.id)).toBe('https://training.example.org/.well-known/did.json');
    expect(didWebUrl('did:web:example.org:issuers:acme')).toBe('https://example.org/issuers/acme/did.json');
    expect(didWebUrl('did:web:localhost%3A8443')).toBe('https://localhost:8443/.well-known/did.json');
    expect(() => didWebUrl('did:web:example.org:%2e%2e')).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });

  it('resolves did:web over https through the injected fetch, and caches the document', async () => {
    const key = await generateKey();
    const document = createDidWebDocument({
      domain: 'training.example.org',
      keys: [{ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
    });
    const fetch = serving({ 'https://training.example.org/.well-known/did.json': document });
    const resolver = createDidResolver({ fetch, lookup: publicLookup });
    const first = await resolver.resolveVerificationMethod('did:web:training.example.org#key-1', {
      purpose: 'assertionMethod',
    });
    expect(first.method.publicKeyMultibase).toBe(key.publicKeyMultibase);
    await resolver.resolve('did:web:training.example.org');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches again once the cache entry has expired', async () => {
    const key = await generateKey();
    const document = createDidWebDocument({
      domain: 'a.example.org',
      keys: [{ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
    });
    const fetch = serving({ 'https://a.example.org/.well-known/did.json': document });
    let now = new Date('2026-01-01T00:00:00Z');
    const resolver = createDidResolver({
      fetch,
      lookup: publicLookup,
      cache: { ttlMs: 1000, now: () => now },
    });
    await resolver.resolve('did:web:a.example.org');
    now = new Date(now.getTime() + 2000);
    await resolver.resolve('did:web:a.example.org');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('answers key lookups from the cached document, with the same checks, until it expires', async () => {
    const key = await generateKey();
    const document = createDidWebDocument({
      domain: 'c.example.org',
      keys: [{ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
    });
    const fetch = serving({
      'https://c.example.org/.well-known/did.json': { ...document, authentication: [] },
    });
    let now = new Date('2026-01-01T00:00:00Z');
    const resolver = createDidResolver({
      fetch,
      lookup: publicLookup,
      cache: { ttlMs: 1000, now: () => now },
    });
    const kid = 'did:web:c.example.org#key-1';
    expect(resolver.cachedVerificationMethod(kid, { purpose: 'assertionMethod' })).toBeUndefined();

    const resolved = await resolver.resolveVerificationMethod(kid, { purpose: 'assertionMethod' });

    expect(resolver.cachedVerificationMethod(kid, { purpose: 'assertionMethod' })).toEqual(resolved);
    expect(() => resolver.cachedVerificationMethod(kid, { purpose: 'authentication' })).toThrow(
      expect.objectContaining({ code: 'key-not-authorized' }),
    );
    expect(() => resolver.cachedVerificationMethod('did:web:c.example.org#key-9')).toThrow(
      expect.objectContaining({ code: 'key-not-found' }),
    );
    now = new Date(now.getTime() + 2000);
    expect(resolver.cachedVerificationMethod(kid, { purpose: 'assertionMethod' })).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses a did:web document whose id is another DID', async () => {
    const key = await generateKey();
    const other = createDidWebDocument({
      domain: 'evil.example.org',
      keys: [{ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
    });
    const resolver = createDidResolver({
      fetch: serving({ 'https://training.example.org/.well-known/did.json': other }),
      lookup: publicLookup,
    });
    await expect(resolver.resolve('did:web:training.example.org')).rejects.toMatchObject({
      code: 'did-resolution-failed',
    });
  });

  it.each(['did:web:localhost', 'did:web:127.0.0.1', 'did:web:10.0.0.1', 'did:web:localhost%3A8443'])(
    'refuses %s without fetching (did-address-not-allowed)',
    async (did) => {
      const fetch = serving({});
      const resolver = createDidResolver({ fetch, lookup: publicLookup });
      await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'did-address-not-allowed' });
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('refuses a key that is not listed for the purpose asked (key-not-authorized) or absent (key-not-found)', async () => {
    const key = await generateKey();
    const document = createDidWebDocument({
      domain: 'b.example.org',
      keys: [{ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase }],
    });
    const withoutAssertion = { ...document, assertionMethod: [] };
    const resolver = createDidResolver({
      fetch: serving({ 'https://b.example.org/.well-known/did.json': withoutAssertion }),
      lookup: publicLookup,
    });
    await expect(
      resolver.resolveVerificationMethod('did:web:b.example.org#key-1', { purpose: 'assertionMethod' }),
    ).rejects.toMatchObject({ code: 'key-not-authorized' });
    await expect(
      resolver.resolveVerificationMethod('did:web:b.example.org#key-9', { purpose: 'authentication' }),
    ).rejects.toMatchObject({ code: 'key-not-found' });
  });

  it('refuses DID methods it does not support', async () => {
    const resolver = createDidResolver({ fetch: serving({}) });
    await expect(resolver.resolve('did:ion:abc')).rejects.toMatchObject({ code: 'did-method-unsupported' });
  });
});
