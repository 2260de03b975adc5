import {
  createSafeFetch,
  type FetchLike,
  generateKey,
  issueCredential,
  type VerificationReport,
} from '@skills-passport/core';
import { createApp, createServiceVerifier, loadConfig } from '@skills-passport/server';
import type { IssuerStore } from '@skills-passport/store';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsignedBadge } from '../support/credentials.js';
import { openTestStore, PUBLIC_URL, postJson } from '../support/test-app.js';

// Another issuer's credential whose revocation list lives on its own host, which is down in every test here.
const LIST_URL = 'https://status.training.example/lists/1';
/** Short, so a hanging host costs the suite a fraction of a second; production uses the 5 s default. */
const FETCH_TIMEOUT_MS = 150;

let store: IssuerStore;
let credential: Record<string, unknown>;

beforeAll(async () => {
  store = await openTestStore();
  const issuer = await generateKey({ type: 'Ed25519' });
  const learner = await generateKey({ type: 'Ed25519' });
  credential = await issueCredential(
    {
      ...unsignedBadge(learner.controller, issuer.controller),
      credentialStatus: {
        id: `${LIST_URL}#94`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '94',
        statusListCredential: LIST_URL,
      },
    },
    { issuerKey: issuer, format: 'di' },
  );
});
afterAll(() => store.close());

/** The service's app whose outbound fetch reaches a status host through `fetch` (no DNS, no network). */
function appWithStatusHost(fetch: FetchLike, statusUnreachable?: 'warn' | 'fail'): Hono {
  let app: Hono | undefined;
  const outboundFetch = createSafeFetch({
    fetch,
    timeoutMs: FETCH_TIMEOUT_MS,
    lookup: async () => [{ address: '93.184.215.14' }],
  });
  const verify = createServiceVerifier({
    publicUrl: PUBLIC_URL,
    request: (path, init) => app!.request(path, init),
    outboundFetch,
    proofWorkers: 0,
    ...(statusUnreachable ? { statusUnreachable } : {}),
  });
  app = createApp({ verify, publicUrl: PUBLIC_URL, challenges: store, ping: () => store.ping() });
  return app;
}

function statusCheck(report: VerificationReport) {
  return (
    report.checks.find((check) => check.check === 'status') ??
    report.credentials[0]?.checks.find((check) => check.check === 'status')
  );
}

/** A host that refuses connections, recording what was asked of it. */
function refusingHost() {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  };
  return { fetch, asked };
}

/** A host that accepts the connection and never answers (and ignores the abort signal, as a stuck socket might). */
function hangingHost() {
  const signals: AbortSignal[] = [];
  const fetch: FetchLike = (_url, init) => {
    if (init.signal) signals.push(init.signal);
    return new Promise<Response>(() => {});
  };
  return { fetch, signals };
}

describe('verification while the status list host is down', () => {
  it('answers 200 with a status-list-unreachable warning by default when the host refuses connections', async () => {
    const host = refusingHost();
    const response = await postJson(appWithStatusHost(host.fetch), '/credentials/verify', {
      verifiableCredential: credential,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as VerificationReport;
    expect(report.verified).toBe(true);
    expect(statusCheck(report)).toMatchObject({ outcome: 'warn', code: 'status-list-unreachable' });
    expect(host.asked).toEqual([LIST_URL]);
  });

  it('answers 422 with status-list-unreachable under the fail policy when the host refuses connections', async () => {
    const host = refusingHost();
    const response = await postJson(appWithStatusHost(host.fetch, 'fail'), '/credentials/verify', {
      verifiableCredential: credential,
    });
    expect(response.status).toBe(422);
    const report = (await response.json()) as VerificationReport;
    expect(report.verified).toBe(false);
    expect(statusCheck(report)).toMatchObject({ outcome: 'fail', code: 'status-list-unreachable' });
  });

  it('gives up on a host that never answers once the fetch timeout fires, and warns by default', async () => {
    const host = hangingHost();
    const response = await postJson(appWithStatusHost(host.fetch), '/credentials/verify', {
      verifiableCredential: credential,
    });
    expect(response.status).toBe(200);
    expect(statusCheck((await response.json()) as VerificationReport)).toMatchObject({
      outcome: 'warn',
      code: 'status-list-unreachable',
    });
    expect(host.signals).toHaveLength(1);
    expect(host.signals[0]?.aborted).toBe(true);
  }, 5000);

  it('answers 422 for a host that never answers under the fail policy', async () => {
    const host = hangingHost();
    const response = await postJson(appWithStatusHost(host.fetch, 'fail'), '/credentials/verify', {
      verifiableCredential: credential,
    });
    expect(response.status).toBe(422);
    expect(statusCheck((await response.json()) as VerificationReport)).toMatchObject({
      outcome: 'fail',
      code: 'status-list-unreachable',
    });
  }, 5000);

  it('keeps answering every request of a concurrent batch while the host hangs', async () => {
    const host = hangingHost();
    const app = appWithStatusHost(host.fetch);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        Promise.resolve(postJson(app, '/credentials/verify', { verifiableCredential: credential })).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
    expect(host.signals.every((signal) => signal.aborted)).toBe(true);
  }, 5000);
});

describe("the operator's status policy (STATUS_UNREACHABLE)", () => {
  it('is warn by default, fail when set, and a configuration error otherwise', () => {
    expect(loadConfig({}).statusUnreachable).toBe('warn');
    expect(loadConfig({ STATUS_UNREACHABLE: 'fail' }).statusUnreachable).toBe('fail');
    expect(() => loadConfig({ STATUS_UNREACHABLE: 'ignore' })).toThrowError(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });
});
