import { randomBytes } from 'node:crypto';
import type { VerificationReport } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import type { Hono } from 'hono';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsignedBadge } from '../support/credentials.js';
import { ACME_KEY, BETA_KEY, issuingApp } from '../support/issuing-app.js';
import { freshPostgresSchema } from '../support/postgres-schema.js';
import { openTestStore, postJson } from '../support/test-app.js';
import { TcpProxy } from './tcp-proxy.js';

const BASE_URL = process.env.TEST_POSTGRES_URL;
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

interface Problem {
  code: string;
  status: number;
  stack?: unknown;
}

function issueAs(app: Hono, key: string) {
  return postJson(
    app,
    '/credentials/issue',
    { credential: unsignedBadge(LEARNER) },
    { authorization: `Bearer ${key}` },
  );
}

function revoke(app: Hono, credentialId: string, key: string) {
  return postJson(
    app,
    '/credentials/status',
    { credentialId, action: 'revoke' },
    { authorization: `Bearer ${key}` },
  );
}

async function expectStoreUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.headers.get('retry-after')).toBe('5');
  const body = (await response.json()) as Problem;
  expect(body.code).toBe('store-unavailable');
  expect(body.stack).toBeUndefined();
}

describe.skipIf(!BASE_URL)('PostgreSQL down or restarting (needs TEST_POSTGRES_URL)', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let proxy: TcpProxy;
  let store: IssuerStore;
  let app: Hono;
  const internalErrors: unknown[] = [];
  const secret = randomBytes(32);

  beforeAll(async () => {
    schema = await freshPostgresSchema(BASE_URL!);
    const target = new URL(schema.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    store = await openTestStore(viaProxy.toString(), secret);
    ({ app } = await issuingApp(store, { onInternalError: (error) => internalErrors.push(error) }));
  });
  afterAll(async () => {
    await proxy?.up();
    await store?.close();
    await proxy?.down();
    await schema?.drop();
  });

  it('answers 503 problem+json at once while the database is down, and serves again once it is back', async () => {
    const issued = await issueAs(app, BETA_KEY);
    expect(issued.status).toBe(201);
    const credential = ((await issued.json()) as { verifiableCredential: Record<string, unknown> })
      .verifiableCredential;
    const credentialId = String(credential.id);

    await proxy.down();

    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as Problem).code).toBe('not-ready');
    await expectStoreUnavailable(await issueAs(app, ACME_KEY));
    await expectStoreUnavailable(await revoke(app, credentialId, BETA_KEY));
    await expectStoreUnavailable(await postJson(app, '/challenges', { domain: 'jobs.example.com' }));
    // Verifying needs no store: the service's own status list cannot be read, which is a warning by default.
    const verified = await postJson(app, '/credentials/verify', { verifiableCredential: credential });
    expect(verified.status).toBe(200);
    const report = (await verified.json()) as VerificationReport;
    expect(report.credentials[0]?.checks.find((check) => check.check === 'status')?.code).toBe(
      'status-list-unreachable',
    );

    await proxy.up();

    expect((await app.request('/ready')).status).toBe(200);
    expect((await issueAs(app, ACME_KEY)).status).toBe(201);
    expect((await revoke(app, credentialId, BETA_KEY)).status).toBe(200);
    const afterRevocation = await postJson(app, '/credentials/verify', { verifiableCredential: credential });
    expect(afterRevocation.status).toBe(422);
    // Every failure was reported as unavailable and logged; nothing became a 500.
    expect(internalErrors.length).toBeGreaterThan(0);
  });

  it('answers 503 for a request whose backend is terminated mid-query, then serves the next one', async () => {
    // A store of its own, tagged so only its backends are terminated: other test files share the server.
    const applicationName = `fault_test_${randomBytes(4).toString('hex')}`;
    const tagged = new URL(schema.url);
    tagged.searchParams.set('application_name', applicationName);
    const ownStore = await openTestStore(tagged.toString(), secret);
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    try {
      const { app: ownApp } = await issuingApp(ownStore);
      expect((await issueAs(ownApp, ACME_KEY)).status).toBe(201);

      // Hold a lock the issue path needs, so the request is provably in the middle of a query when its
      // backend is terminated (as a restart does), rather than racing the pool's idle clients.
      const schemaName = /search_path=(\w+)/.exec(new URL(schema.url).searchParams.get('options') ?? '')?.[1];
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE ${schemaName}.issuers IN ACCESS EXCLUSIVE MODE`);
      const pending = issueAs(ownApp, ACME_KEY);
      await waitForLockWaiter(admin, applicationName);
      const terminated = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      expect(terminated.rowCount).toBeGreaterThan(0);
      await expectStoreUnavailable(await pending);
      await admin.query('ROLLBACK');

      expect((await ownApp.request('/ready')).status).toBe(200);
      expect((await issueAs(ownApp, ACME_KEY)).status).toBe(201);
    } finally {
      await admin.query('ROLLBACK').catch(() => undefined);
      await admin.end();
      await ownStore.close();
    }
  });
});

/** Polls until a backend of `applicationName` waits on a lock (bounded: the test fails rather than hangs). */
async function waitForLockWaiter(admin: pg.Client, applicationName: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const waiting = await admin.query(
      "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
      [applicationName],
    );
    if ((waiting.rowCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`No backend of ${applicationName} waited on the lock.`);
}
