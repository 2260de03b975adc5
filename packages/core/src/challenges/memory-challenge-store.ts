import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { ChallengeOutcome, ChallengeRecord, ChallengeStore } from './challenge-store.js';

export interface MemoryChallengeStoreOptions {
  /** Most challenges kept at once (default 10,000); when full the oldest is forgotten first. */
  maxEntries?: number;
  /** The clock used to prune expired entries (default: the system clock). */
  now?: () => Date;
}

/** The in-memory store: a `ChallengeStore` that can also drop expired entries and say how many it holds. */
export interface MemoryChallengeStore extends ChallengeStore {
  /** Deletes challenges that expired before `now`; returns how many. */
  deleteExpiredChallenges(now: Date): Promise<number>;
  /** How many challenges are held (used ones stay until they expire, so a replay reads `reused`). */
  readonly size: number;
}

interface Entry {
  expiresAt: number;
  used: boolean;
}

/**
 * A challenge store in this process's memory: the default for one verifier process and for tests. It is bounded
 * and prunes expired entries as it goes, so an endpoint that hands out challenges cannot be made to grow it
 * without limit. Several processes behind a load balancer need a shared store (the store package's).
 *
 * @example
 * const challengeStore = createMemoryChallengeStore({ maxEntries: 1000 });
 * const verify = createVerifier({ challengeStore });
 */
export function createMemoryChallengeStore(options: MemoryChallengeStoreOptions = {}): MemoryChallengeStore {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new PassportError(Codes.invalidOptions, 'maxEntries must be a positive whole number.');
  }
  const clock = options.now ?? (() => new Date());
  // Insertion order is age order, which is what eviction needs.
  const entries = new Map<string, Entry>();

  function prune(now: number): number {
    let removed = 0;
    for (const [value, entry] of entries) {
      if (entry.expiresAt <= now) {
        entries.delete(value);
        removed++;
      }
    }
    return removed;
  }

  return {
    get size() {
      return entries.size;
    },
    async saveChallenge(challenge: ChallengeRecord): Promise<void> {
      if (typeof challenge?.value !== 'string' || !(challenge.expiresAt instanceof Date)) {
        throw new PassportError(
          Codes.invalidOptions,
          'A challenge needs a string value and an expiresAt date.',
        );
      }
      if (entries.has(challenge.value)) {
        throw new PassportError(Codes.invalidOptions, 'This challenge value was saved before.');
      }
      if (entries.size >= maxEntries) prune(clock().getTime());
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
      entries.set(challenge.value, { expiresAt: challenge.expiresAt.getTime(), used: false });
    },
    async consumeChallenge(request: { value: string; now: Date }): Promise<ChallengeOutcome> {
      const entry = entries.get(request.value);
      if (!entry) return 'unknown';
      // Same order as the SQL stores: a used challenge stays `reused` even after it expires.
      if (entry.used) return 'reused';
      if (entry.expiresAt <= request.now.getTime()) return 'expired';
      entry.used = true;
      return 'ok';
    },
    async deleteExpiredChallenges(now: Date): Promise<number> {
      return prune(now.getTime());
    },
  };
}
