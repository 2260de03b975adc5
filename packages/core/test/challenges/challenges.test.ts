import { openStore } from '@skills-passport/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ChallengeStore,
  createChallenge,
  createMemoryChallengeStore,
  createVerifier,
  generateKey,
  issueChallenge,
  issueCredential,
  type PassportError,
  type PassportKeyPair,
  present,
} from '../../src/index.js';
import { forbiddenFetch, openBadge } from '../fixtures.js';

const DOMAIN = 'https://jobs.example.com';
const T0 = new Date('2026-06-01T10:00:00Z');

describe('createChallenge', () => {
  it('makes a 256-bit base64url value that differs every time, with an expiry and the domain', () => {
    const first = createChallenge({ ttlSeconds: 120, domain: DOMAIN, now: () => T0 });
    const second = createChallenge({ now: () => T0 });
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.value, 'base64url')).toHaveLength(32);
    expect(second.value).not.toBe(first.value);
    expect(first.expiresAt.toISOString()).toBe('2026-06-01T10:02:00.000Z');
    expect(first.domain).toBe(DOMAIN);
    expect(second.expiresAt.getTime() - T0.getTime()).toBe(600_000);
  });

  it('refuses a lifetime that is not a positive number of seconds with invalid-options', () => {
    for (const ttlSeconds of [0, -5, Number.NaN]) {
      expect(() => createChallenge({ ttlSeconds })).toThrow(
        expect.objectContaining({ code: 'invalid-options' }) as PassportError,
      );
    }
  });
});

describe('the in-memory challenge store', () => {
  it('accepts a challenge once, then answers reused', async () => {
    const store = createMemoryChallengeStore();
    const { value } = await issueChallenge(store, { now: () => T0 });
    expect(await store.consumeChallenge({ value, now: T0 })).toBe('ok');
    expect(await store.consumeChallenge({ value, now: T0 })).toBe('reused');
  });

  it('answers expired after the expiry and unknown for a value it never issued', async () => {
    const store = createMemoryChallengeStore();
    const { value } = await issueChallenge(store, { ttlSeconds: 60, now: () => T0 });
    expect(await store.consumeChallenge({ value, now: new Date(T0.getTime() + 60_000) })).toBe('expired');
    expect(await store.consumeChallenge({ value: 'never-issued', now: T0 })).toBe('unknown');
  });

  it('stays bounded: expired entries are pruned first, then the oldest is forgotten', async () => {
    let now = T0;
    const store = createMemoryChallengeStore({ maxEntries: 3, now: () => now });
    const short = await issueChallenge(store, { ttlSeconds: 1, now: () => now });
    const kept = [
      await issueChallenge(store, { now: () => now }),
      await issueChallenge(store, { now: () => now }),
    ];
    now = new Date(T0.getTime() + 5_000);
    const newest = await issueChallenge(store, { now: () => now });
    expect(store.size).toBe(3);
    expect(await store.consumeChallenge({ value: short.value, now })).toBe('unknown');
    await issueChallenge(store, { now: () => now });
    expect(store.size).toBe(3);
    expect(await store.consumeChallenge({ value: kept[0]!.value, now })).toBe('unknown');
    expect(await store.consumeChallenge({ value: newest.value, now })).toBe('ok');
  });

  it('deletes expired challenges on request', async () => {
    const store = createMemoryChallengeStore();
    await issueChallenge(store, { ttlSeconds: 1, now: () => T0 });
    await issueChallenge(store, { ttlSeconds: 100, now: () => T0 });
    expect(await store.deleteExpiredChallenges(new Date(T0.getTime() + 2_000))).toBe(1);
    expect(store.size).toBe(1);
  });
});

describe('verifying presentations against a challenge store', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  let credential: Record<string, unknown>;
  const fetch = forbiddenFetch();

  beforeAll(async () => {
    [issuer, learner] = await Promise.all([generateKey(), generateKey()]);
    credential = await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer });
  });

  function setup(store: ChallengeStore = createMemoryChallengeStore()) {
    let now = new Date();
    const verify = createVerifier({ challengeStore: store, now: () => now, resolverOptions: { fetch } });
    return { store, verify, advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
  }

  const challengeCode = (report: { checks: Array<{ check: string; code: string }> }) =>
    report.checks.filter((check) => check.check === 'challenge').map((check) => check.code);

  it.each(['di', 'jwt'] as const)(
    'accepts a %s presentation once and fails the replay with challenge-reused',
    async (format) => {
      const { store, verify } = setup();
      const challenge = await issueChallenge(store, { domain: DOMAIN });
      const presentation = await present([credential], {
        holderKey: learner,
        challenge: challenge.value,
        domain: DOMAIN,
        format,
      });
      const first = await verify(presentation, { domain: DOMAIN });
      expect(first.verified).toBe(true);
      expect(challengeCode(first)).toEqual(['challenge-ok']);
      const replay = await verify(presentation, { domain: DOMAIN });
      expect(replay.verified).toBe(false);
      expect(challengeCode(replay)).toEqual(['challenge-reused']);
    },
  );

  it('fails a presentation made after its challenge expired with challenge-expired', async () => {
    const { store, verify, advance } = setup();
    const challenge = await issueChallenge(store, { ttlSeconds: 60 });
    const presentation = await present([credential], {
      holderKey: learner,
      challenge: challenge.value,
      domain: DOMAIN,
    });
    advance(61);
    const report = await verify(presentation, { domain: DOMAIN });
    expect(report.verified).toBe(false);
    expect(challengeCode(report)).toEqual(['challenge-expired']);
  });

  it('fails a presentation bound to a challenge this verifier never issued with challenge-unknown', async () => {
    const { verify } = setup();
    const presentation = await present([credential], {
      holderKey: learner,
      challenge: 'made-up',
      domain: DOMAIN,
    });
    const report = await verify(presentation, { domain: DOMAIN });
    expect(challengeCode(report)).toEqual(['challenge-unknown']);
  });

  it('does not use up the challenge when the holder proof fails, so the genuine presentation still passes', async () => {
    const { store, verify } = setup();
    const challenge = await issueChallenge(store);
    const genuine = await present([credential], {
      holderKey: learner,
      challenge: challenge.value,
      domain: DOMAIN,
    });
    const forged = structuredClone(genuine) as { holder: string };
    forged.holder = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const rejected = await verify(forged);
    expect(rejected.verified).toBe(false);
    expect(challengeCode(rejected)).toEqual(['challenge-not-checked']);
    expect((await verify(genuine)).verified).toBe(true);
  });

  it('fails challenge-mismatch without using up the store entry when the expected challenge differs', async () => {
    const { store, verify } = setup();
    const issued = await issueChallenge(store);
    const presentation = await present([credential], {
      holderKey: learner,
      challenge: issued.value,
      domain: DOMAIN,
    });
    const wrong = await verify(presentation, { challenge: 'something-else' });
    expect(challengeCode(wrong)).toEqual(['challenge-mismatch']);
    expect((await verify(presentation, { challenge: issued.value })).verified).toBe(true);
  });

  it('fails challenge-not-checked, not a proof code, when the challenge store cannot be reached', async () => {
    const broken: ChallengeStore = {
      saveChallenge: async () => {},
      consumeChallenge: async () => {
        throw new Error('database is down');
      },
    };
    const { verify } = setup(broken);
    const presentation = await present([credential], {
      holderKey: learner,
      challenge: 'any',
      domain: DOMAIN,
    });
    const report = await verify(presentation);
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
    expect(report.checks.find((check) => check.check === 'challenge')).toMatchObject({
      outcome: 'fail',
      code: 'challenge-not-checked',
    });
  });

  it('takes the store package SQLite store as the challenge store', async () => {
    const sqlite = await openStore('sqlite::memory:');
    try {
      const { verify } = setup(sqlite);
      const challenge = await issueChallenge(sqlite, { domain: DOMAIN });
      const presentation = await present([credential], {
        holderKey: learner,
        challenge: challenge.value,
        domain: DOMAIN,
        format: 'jwt',
      });
      expect((await verify(presentation, { domain: DOMAIN })).verified).toBe(true);
      expect(challengeCode(await verify(presentation, { domain: DOMAIN }))).toEqual(['challenge-reused']);
    } finally {
      await sqlite.close();
    }
  });
});
