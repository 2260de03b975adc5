import { randomBytes } from 'node:crypto';
import { createVerifier, type Verify } from '@skills-passport/core';
import { type AppDeps, createApp } from '@skills-passport/server';
import { type IssuerStore, openStore } from '@skills-passport/store';

export const PUBLIC_URL = 'https://passport.test';

/** A store for one test: in memory unless a URL (a SQLite file, PostgreSQL) is given. */
export async function openTestStore(url = 'sqlite::memory:', secret = randomBytes(32)): Promise<IssuerStore> {
  return openStore(url, { secret, allowSmallListsForTesting: true, statusListSize: 64 });
}

const verifiers = new WeakMap<IssuerStore, Verify>();

/**
 * One verifier per store, using it as the challenge store (proof workers off: the tests are small and the
 * machine is shared).
 */
export function testVerifier(store: IssuerStore): Verify {
  let verify = verifiers.get(store);
  if (!verify) {
    // The test store's lists are 64 bits (openTestStore), far under the spec's minimum.
    verify = createVerifier({
      proofWorkers: 0,
      challengeStore: store,
      statusOptions: { minimumListBits: 8 },
    });
    verifiers.set(store, verify);
  }
  return verify;
}

/** The app over a store, with the given overrides. */
export function testApp(store: IssuerStore, overrides: Partial<AppDeps> = {}) {
  return createApp({
    verify: testVerifier(store),
    publicUrl: PUBLIC_URL,
    challenges: store,
    ping: () => store.ping(),
    findIssuance: (id) => store.findIssuance(id),
    ...overrides,
  });
}

/** JSON POST in-process. */
export function postJson(
  app: ReturnType<typeof createApp>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
