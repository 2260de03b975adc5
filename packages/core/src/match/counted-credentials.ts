import type { Code } from '../codes.js';
import type { CheckResult, CredentialSummary, VerificationReport } from '../verify/report.js';

/** What matching needs of one credential: whether it verified, why not, and its summary (skills, issuer...). */
export interface MatchableCredential {
  verified: boolean;
  summary: CredentialSummary;
  checks?: CheckResult[];
}

/** A credential left out of matching, and why (the stable code of the check that failed). */
export interface NotCountedCredential {
  credentialId?: string;
  achievement?: string;
  issuer?: string;
  /** `revoked`, `suspended`, `expired`, `holder-mismatch`, `proof-invalid`... or `presentation-not-verified`. */
  reason: Code | 'presentation-not-verified';
  message: string;
}

/** The credentials whose skills count, and those that do not with their reasons. */
export interface CountedCredentials {
  counted: MatchableCredential[];
  notCounted: NotCountedCredential[];
}

/**
 * Splits credentials into those that count for matching (verified) and those that do not. From a presentation
 * report that failed as a whole (holder proof, challenge, domain), nothing counts: those credentials may be
 * genuine but were not shown to come from this learner for this request.
 *
 * @example
 * const { counted, notCounted } = countedCredentials(report); // notCounted[0].reason === 'revoked'
 */
export function countedCredentials(input: VerificationReport | MatchableCredential[]): CountedCredentials {
  const credentials = Array.isArray(input) ? input : input.credentials;
  const presentationFailure = Array.isArray(input)
    ? undefined
    : input.checks.find((check) => check.outcome === 'fail');
  const counted: MatchableCredential[] = [];
  const notCounted: NotCountedCredential[] = [];
  for (const credential of credentials) {
    if (presentationFailure) {
      notCounted.push(
        describe(
          credential,
          'presentation-not-verified',
          `The presentation itself did not verify (${presentationFailure.code}).`,
        ),
      );
    } else if (credential.verified) {
      counted.push(credential);
    } else {
      const failed = credential.checks?.find((check) => check.outcome === 'fail');
      notCounted.push(
        describe(
          credential,
          failed?.code ?? 'proof-invalid',
          failed?.message ?? 'The credential did not verify.',
        ),
      );
    }
  }
  return { counted, notCounted };
}

function describe(
  credential: MatchableCredential,
  reason: NotCountedCredential['reason'],
  message: string,
): NotCountedCredential {
  const entry: NotCountedCredential = { reason, message };
  const { summary } = credential;
  if (summary.id) entry.credentialId = summary.id;
  if (summary.achievement?.name) entry.achievement = summary.achievement.name;
  if (summary.issuer?.name ?? summary.issuer?.id) entry.issuer = summary.issuer?.name ?? summary.issuer?.id;
  return entry;
}
