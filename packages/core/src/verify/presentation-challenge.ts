import type { ChallengeOutcome, ChallengeStore } from '../challenges/challenge-store.js';
import { type Code, Codes } from '../codes.js';
import { messageOfError } from './error-code.js';
import type { PresentationBinding } from './presentation-proof.js';
import { type CheckResult, result } from './report.js';

/** What the verifier expects a presentation to be bound to, and where it keeps the challenges it issued. */
export interface ChallengeExpectation {
  /** The challenge this verification expects (DI `challenge`, JWT `nonce`). */
  challenge?: string;
  /** The domain this verification expects (DI `domain`, JWT `aud`). */
  domain?: string;
  /** When given, the presentation's challenge must be one this store issued, and is used up here. */
  challengeStore?: ChallengeStore;
  now: Date;
}

const STORE_OUTCOMES: Record<Exclude<ChallengeOutcome, 'ok'>, [Code, string]> = {
  reused: [Codes.challengeReused, 'The challenge was already used by an earlier presentation (a replay).'],
  expired: [Codes.challengeExpired, 'The challenge has expired: request a fresh one and present again.'],
  unknown: [Codes.challengeUnknown, 'This verifier never issued the challenge (or forgot it long ago).'],
};

/**
 * Compares the presentation's challenge and domain with the verifier's, then (only when the holder's proof is
 * good and nothing failed) uses the challenge up in the store. A missing value and a different value get
 * different codes so that a wallet bug and a replay read differently. Returns one `challenge` pass, one warning
 * when the verifier asked for nothing, or one failure per problem.
 *
 * @example
 * await checkChallenge({ challenge: proof.challenge, domain: proof.domain }, { challenge, domain, now }, true);
 * // [{ check: 'challenge', outcome: 'pass', code: 'challenge-ok', … }]
 */
export async function checkChallenge(
  binding: PresentationBinding,
  expected: ChallengeExpectation,
  proofVerified: boolean,
): Promise<CheckResult[]> {
  const failures: CheckResult[] = [];
  const challenge =
    typeof binding.challenge === 'string' && binding.challenge !== '' ? binding.challenge : undefined;
  const domains = domainsOf(binding.domain);
  const checksChallenge = expected.challenge !== undefined || expected.challengeStore !== undefined;

  if (checksChallenge && !challenge) {
    failures.push(
      fail(Codes.challengeMissing, 'The presentation is not bound to a challenge (no challenge or nonce).'),
    );
  } else if (expected.challenge !== undefined && challenge !== expected.challenge) {
    failures.push(
      fail(
        Codes.challengeMismatch,
        'The presentation is bound to another challenge than the one this verification expects.',
      ),
    );
  }
  if (expected.domain !== undefined) {
    if (domains.length === 0) {
      failures.push(
        fail(Codes.domainMissing, `The presentation names no domain; ${expected.domain} was expected.`),
      );
    } else if (!domains.includes(expected.domain)) {
      failures.push(
        fail(
          Codes.domainMismatch,
          `The presentation was made for ${domains.join(', ')}, not for ${expected.domain}.`,
        ),
      );
    }
  }
  if (failures.length > 0) return failures;

  if (!checksChallenge) {
    return [
      result(
        'challenge',
        'warn',
        Codes.challengeNotChecked,
        'No challenge was expected, so this presentation could be a replay: pass the challenge you issued.',
      ),
    ];
  }
  if (expected.challengeStore && !proofVerified) {
    // A presentation whose proof failed must not use up the learner's challenge: anyone could burn it otherwise.
    return [
      result(
        'challenge',
        'skip',
        Codes.challengeNotChecked,
        "The challenge was not checked against the issued ones because the holder's proof failed.",
      ),
    ];
  }
  if (expected.challengeStore && challenge) {
    let outcome: ChallengeOutcome;
    try {
      outcome = await expected.challengeStore.consumeChallenge({ value: challenge, now: expected.now });
    } catch (error) {
      // The store being down is not the learner's fault, but the presentation cannot be accepted unchecked.
      return [
        fail(
          Codes.challengeNotChecked,
          `The challenge store could not be asked, so the challenge was not checked: ${messageOfError(error)}`,
        ),
      ];
    }
    if (outcome !== 'ok') {
      const [code, message] = STORE_OUTCOMES[outcome] ?? STORE_OUTCOMES.unknown;
      return [fail(code, message)];
    }
  }
  const where = expected.domain !== undefined ? ` and the domain ${expected.domain}` : '';
  return [
    result(
      'challenge',
      'pass',
      Codes.challengeOk,
      expected.challengeStore
        ? `The presentation is bound to a challenge this verifier issued, used now for the first time${where}.`
        : `The presentation is bound to the expected challenge${where}.`,
    ),
  ];
}

/** A DI `domain` or JWT `aud`: one string or a list of them. */
function domainsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}

function fail(code: Code, message: string): CheckResult {
  return result('challenge', 'fail', code, message);
}
