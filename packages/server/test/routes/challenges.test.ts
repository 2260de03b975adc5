import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { present, type VerificationReport } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedFixtures, signedFixtures } from '../support/credentials.js';
import { freshPostgresSchema } from '../support/postgres-schema.js';
import { openTestStore, postJson, testApp } from '../support/test-app.js';

const codesOf = (report: VerificationReport) => report.checks.map((check) => check.code);
const DOMAIN = 'jobs.example';
let fixtures: SignedFixtures;
beforeAll(async () => {
  fixtures = await signedFixtures();
});

describe('POST /challenges', () => {
  let store: IssuerStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('hands out a fresh challenge that the store accepts exactly once', async () => {
    const app = testApp(store);
    const first = await postJson(app, '/challenges', { domain: 'jobs.example' });
    const second = await app.request('/challenges', { method: 'POST' });
    expect(first.status).toBe(200);
    const { challenge, domain, expires } = (await first.json()) as {
      challenge: string;
      domain: string;
      expires: string;
    };
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(domain).toBe('jobs.example');
    expect(Date.parse(expires)).toBeGreaterThan(Date.now());
    expect(((await second.json()) as { challenge: string }).challenge).not.toBe(challenge);
    expect(await store.consumeChallenge({ value: challenge, now: new Date() })).toBe('ok');
    expect(await store.consumeChallenge({ value: challenge, now: new Date() })).toBe('reused');
  });

  it('answers 400 for a body that is not an object', async () => {
    const response = await postJson(testApp(store), '/challenges', ['jobs.example']);
    expect(response.status).toBe(400);
  });
});

/** Two app instances (two service processes, in effect) over one database. */
async function replayAcrossInstances(openShared: () => Promise<IssuerStore>) {
  const storeA = await openShared();
  const storeB = await openShared();
  try {
    const appA = testApp(storeA);
    const appB = testApp(storeB);
    const { challenge } = (await (await postJson(appA, '/challenges', { domain: DOMAIN })).json()) as {
      challenge: string;
    };
    const passport = await present([fixtures.di, fixtures.jwt], {
      holderKey: fixtures.learner,
      challenge,
      domain: DOMAIN,
    });
    const body = { verifiablePresentation: passport, options: { challenge, domain: DOMAIN } };
    const first = await postJson(appB, '/presentations/verify', body);
    const firstReport = (await first.json()) as VerificationReport;
    expect(first.status).toBe(200);
    expect(firstReport.credentials).toHaveLength(2);
    expect(codesOf(firstReport)).toContain('challenge-ok');
    const replay = await postJson(appA, '/presentations/verify', body);
    expect(replay.status).toBe(422);
    expect(codesOf((await replay.json()) as VerificationReport)).toContain('challenge-reused');
  } finally {
    await storeA.close();
    await storeB.close();
  }
}

describe('POST /presentations/verify', () => {
  let store: IssuerStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('rejects a challenge this service never issued, and a presentation made for another domain', async () => {
    const app = testApp(store);
    const foreign = await present([fixtures.di], {
      holderKey: fixtures.learner,
      challenge: 'never-issued',
      domain: DOMAIN,
    });
    const unknown = await postJson(app, '/presentations/verify', {
      verifiablePresentation: foreign,
      options: { challenge: 'never-issued', domain: DOMAIN },
    });
    expect(unknown.status).toBe(422);
    expect(codesOf((await unknown.json()) as VerificationReport)).toContain('challenge-unknown');
    const { challenge } = (await (await postJson(app, '/challenges', {})).json()) as { challenge: string };
    const elsewhere = await present([fixtures.di], {
      holderKey: fixtures.learner,
      challenge,
      domain: 'other.example',
    });
    const wrongDomain = await postJson(app, '/presentations/verify', {
      verifiablePresentation: elsewhere,
      options: { challenge, domain: DOMAIN },
    });
    expect(wrongDomain.status).toBe(422);
    expect(codesOf((await wrongDomain.json()) as VerificationReport)).toContain('domain-mismatch');
  });

  it('verifies a JWT passport sent as text/plain', async () => {
    const app = testApp(store);
    const { challenge } = (await (await postJson(app, '/challenges', {})).json()) as { challenge: string };
    const passport = await present([fixtures.jwt], {
      holderKey: fixtures.learner,
      challenge,
      domain: DOMAIN,
      format: 'jwt',
    });
    const response = await app.request('/presentations/verify', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: passport,
    });
    // No expected challenge was sent, so the store still checks the presentation's own one (issued here: ok).
    expect(response.status).toBe(200);
    expect(((await response.json()) as VerificationReport).kind).toBe('presentation');
  });

  it('answers 400 without verifiablePresentation', async () => {
    expect(
      (await postJson(testApp(store), '/presentations/verify', { verifiableCredential: fixtures.di })).status,
    ).toBe(400);
  });
});

if (!process.env.TEST_POSTGRES_URL) {
  console.warn(
    'The PostgreSQL challenge test is skipped: set TEST_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/test).',
  );
}

describe('challenge reuse across instances', () => {
  it('rejects a challenge used on one instance when it is replayed on another (one SQLite file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passport-server-'));
    const secret = randomBytes(32);
    try {
      await replayAcrossInstances(() => openTestStore(`sqlite:${join(dir, 'shared.db')}`, secret));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_POSTGRES_URL)(
    'rejects a challenge used on one instance when it is replayed on another (PostgreSQL; needs TEST_POSTGRES_URL)',
    async () => {
      const secret = randomBytes(32);
      const schema = await freshPostgresSchema(process.env.TEST_POSTGRES_URL!);
      try {
        await replayAcrossInstances(() => openTestStore(schema.url, secret));
      } finally {
        await schema.drop();
      }
    },
  );
});
