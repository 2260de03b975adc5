import type { VerificationReport } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedFixtures, signedFixtures } from '../support/credentials.js';
import { openTestStore, postJson, testApp } from '../support/test-app.js';

let store: IssuerStore;
let fixtures: SignedFixtures;

beforeAll(async () => {
  store = await openTestStore();
  fixtures = await signedFixtures();
});
afterAll(() => store.close());

describe('POST /credentials/verify', () => {
  it('answers 200 with the report for a valid Data Integrity credential', async () => {
    const response = await postJson(testApp(store), '/credentials/verify', {
      verifiableCredential: fixtures.di,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as VerificationReport;
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.summary.skills[0]?.code).toBe('SCTY');
  });

  it('answers 200 for a JWT credential sent as text/plain and as a JSON string', async () => {
    const app = testApp(store);
    const asText = await app.request('/credentials/verify', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: fixtures.jwt,
    });
    expect(asText.status).toBe(200);
    const asMember = await postJson(app, '/credentials/verify', {
      verifiableCredential: fixtures.jwt,
      options: {},
    });
    expect(asMember.status).toBe(200);
  });

  it('answers 422 with the same report when the credential was tampered with', async () => {
    const tampered = { ...fixtures.di, name: 'Something else entirely' };
    const response = await postJson(testApp(store), '/credentials/verify', {
      verifiableCredential: tampered,
    });
    expect(response.status).toBe(422);
    const report = (await response.json()) as VerificationReport;
    expect(report.verified).toBe(false);
    expect(report.checks.some((check) => check.check === 'proof' && check.outcome === 'fail')).toBe(true);
  });

  it('answers 400 problem+json when the body has no verifiableCredential', async () => {
    const response = await postJson(testApp(store), '/credentials/verify', { credential: fixtures.di });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('request-invalid');
  });

  it('answers 400 request-not-json for a body that is not JSON', async () => {
    const response = await testApp(store).request('/credentials/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"verifiableCredential":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('request-not-json');
  });

  it('answers 415 for an unsupported media type', async () => {
    const response = await testApp(store).request('/credentials/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<credential/>',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { code: string }).code).toBe('media-type-unsupported');
  });

  it('answers 413 problem+json for a body over the limit', async () => {
    const app = testApp(store, { maxBodyBytes: 1024 });
    const response = await postJson(app, '/credentials/verify', { verifiableCredential: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('body-too-large');
  });
});

describe('errors', () => {
  it('answers 404 problem+json for an unknown route', async () => {
    const response = await testApp(store).request('/no/such/thing');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('not-found');
  });

  it('answers 500 internal-error without the error message or stack when a dependency throws', async () => {
    const seen: unknown[] = [];
    const app = testApp(store, {
      verify: async () => {
        throw new Error('database password is hunter2');
      },
      onInternalError: (error) => seen.push(error),
    });
    const response = await postJson(app, '/credentials/verify', { verifiableCredential: fixtures.di });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).code).toBe('internal-error');
    expect(seen).toHaveLength(1);
  });
});
