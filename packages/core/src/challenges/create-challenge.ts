import { randomBytes } from 'node:crypto';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { ChallengeRecord, ChallengeStore } from './challenge-store.js';

/** Default lifetime of a challenge: long enough to pick credentials and sign, short enough to limit replays. */
export const DEFAULT_CHALLENGE_TTL_SECONDS = 600;

/** 256 random bits: far beyond guessing, and the same size as the keys that sign with it. */
const CHALLENGE_BYTES = 32;

export interface CreateChallengeOptions {
  /** How long the challenge may be used, in seconds (default 600). */
  ttlSeconds?: number;
  /** The verifier's domain (e.g. `https://jobs.example.com`), returned so the holder signs for it. */
  domain?: string;
  /** The clock (default: the system clock). */
  now?: () => Date;
}

/** A fresh challenge: the value to send to the holder, when it stops being accepted, and the domain. */
export interface Challenge extends ChallengeRecord {
  domain?: string;
}

/**
 * Makes an unguessable one-time challenge (256 bits from `crypto.randomBytes`, base64url) with an expiry. Save it
 * in a `ChallengeStore` (or use `issueChallenge`) so the verifier can accept it exactly once.
 *
 * @example
 * const challenge = createChallenge({ ttlSeconds: 300, domain: 'https://jobs.example.com' });
 * // send { challenge: challenge.value, domain: challenge.domain } to the learner's wallet
 */
export function createChallenge(options: CreateChallengeOptions = {}): Challenge {
  const ttl = options.ttlSeconds ?? DEFAULT_CHALLENGE_TTL_SECONDS;
  if (!Number.isFinite(ttl) || ttl <= 0) {
    throw new PassportError(Codes.invalidOptions, 'ttlSeconds must be a positive number of seconds.');
  }
  if (options.domain !== undefined && (typeof options.domain !== 'string' || options.domain === '')) {
    throw new PassportError(Codes.invalidOptions, 'domain must be a non-empty string.');
  }
  const now = (options.now ?? (() => new Date()))();
  const challenge: Challenge = {
    value: randomBytes(CHALLENGE_BYTES).toString('base64url'),
    expiresAt: new Date(now.getTime() + ttl * 1000),
  };
  if (options.domain !== undefined) challenge.domain = options.domain;
  return challenge;
}

/**
 * Creates a challenge and saves it in the store in one step: what a verifier's `/challenges` endpoint does.
 *
 * @example
 * const store = createMemoryChallengeStore();
 * const { value, domain } = await issueChallenge(store, { domain: 'https://jobs.example.com' });
 */
export async function issueChallenge(
  store: ChallengeStore,
  options: CreateChallengeOptions = {},
): Promise<Challenge> {
  const challenge = createChallenge(options);
  await store.saveChallenge(challenge);
  return challenge;
}
