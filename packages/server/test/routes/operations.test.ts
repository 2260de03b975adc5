import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, PUBLIC_URL, testApp } from '../support/test-app.js';

let store: IssuerStore;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

describe('health and readiness', () => {
  it('answers /health and /ready while the store answers', async () => {
    const app = testApp(store);
    expect((await app.request('/health')).status).toBe(200);
    const ready = await app.request('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers /ready with 503 not-ready when the store does not answer', async () => {
    const app = testApp(store, { ping: () => Promise.reject(new Error('connection refused')) });
    const response = await app.request('/ready');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('not-ready');
  });
});

describe('API description', () => {
  it('serves an OpenAPI 3.1 document naming every route', async () => {
    const response = await testApp(store).request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      servers: Array<{ url: string }>;
      paths: Record<string, object>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]?.url).toBe(PUBLIC_URL);
    for (const path of [
      '/credentials/verify',
      '/presentations/verify',
      '/challenges',
      '/credentials/issue',
      '/credentials/status',
      '/status/{listId}',
      '/.well-known/did.json',
      '/issuers/{id}',
      '/passport/match',
      '/health',
      '/ready',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
  });

  it('renders the API reference as HTML with no script from elsewhere', async () => {
    const response = await testApp(store).request('/docs');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('POST /credentials/issue');
    expect(page).not.toMatch(/src="https?:/);
  });
});

describe('defaults', () => {
  it('sends no CORS headers unless origins are configured', async () => {
    const closed = await testApp(store).request('/health', {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = await testApp(store, { corsOrigins: ['https://ats.example'] }).request('/health', {
      headers: { origin: 'https://ats.example' },
    });
    expect(open.headers.get('access-control-allow-origin')).toBe('https://ats.example');
  });

  it('answers 503 issuing-unavailable when no issuer service is configured', async () => {
    const { ApiKeyRing } = await import('@skills-passport/server');
    const app = testApp(store, { apiKeys: new ApiKeyRing([{ issuerId: 'acme', key: 'k'.repeat(20) }]) });
    const response = await app.request('/credentials/issue', {
      method: 'POST',
      headers: { authorization: `Bearer ${'k'.repeat(20)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credential: {} }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('issuing-unavailable');
  });
});

describe('rate limiting', () => {
  it('answers 429 rate-limited with Retry-After once a client passes its limit, and counts clients apart', async () => {
    const app = testApp(store, {
      rateLimit: { perMinute: 2, clientKey: (c) => c.req.header('x-test-client') },
    });
    const challenge = (client: string) =>
      app.request('/challenges', { method: 'POST', headers: { 'x-test-client': client } });
    expect((await challenge('a')).status).toBe(200);
    expect((await challenge('a')).status).toBe(200);
    const limited = await challenge('a');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe('rate-limited');
    expect((await challenge('b')).status).toBe(200);
    expect((await app.request('/health', { headers: { 'x-test-client': 'a' } })).status).toBe(200);
  });
});
