/** What consuming a challenge found: first use, never issued, used before, or issued too long ago. */
export type ChallengeOutcome = 'ok' | 'unknown' | 'reused' | 'expired';

/** A challenge handed to a holder, to be bound into their presentation (`challenge` / JWT `nonce`). */
export interface ChallengeRecord {
  value: string;
  expiresAt: Date;
  /** The verifier's domain the presentation must name (informational here; the verifier compares it). */
  domain?: string | null;
}

/**
 * Where a verifier keeps the challenges it issued so each is accepted once. The method shapes are those of the
 * store package's `IssuerStore`, so an SQLite or PostgreSQL store can be passed wherever this is asked for.
 *
 * @example
 * const store: ChallengeStore = createMemoryChallengeStore(); // or: await openStore(url, { secret })
 * await store.saveChallenge(createChallenge({ domain: 'https://jobs.example.com' }));
 * await store.consumeChallenge({ value, now: new Date() }); // 'ok', then 'reused'
 */
export interface ChallengeStore {
  /** Stores a challenge for later single use. */
  saveChallenge(challenge: ChallengeRecord): Promise<void>;
  /** Atomically uses a challenge: of two concurrent consumers exactly one gets `'ok'`. */
  consumeChallenge(request: { value: string; now: Date }): Promise<ChallengeOutcome>;
}
