import type { Code } from '../codes.js';

export type CheckName =
  | 'format'
  | 'proof'
  | 'validity'
  | 'status'
  | 'schema'
  | 'issuer'
  | 'holder'
  | 'challenge'
  | 'recipient'
  | 'refresh'
  | 'endorsement';

export type Outcome = 'pass' | 'fail' | 'warn' | 'skip';

/** One check's answer, in the words a recruiter can read and with a code a program can test. */
export interface CheckResult {
  check: CheckName;
  outcome: Outcome;
  code: Code;
  message: string;
}

export interface SkillSummary {
  framework: string;
  code: string;
  name?: string;
  level?: string;
  url?: string;
}

/** The human summary of one credential, shown by the page, the CLI and in matching. */
export interface CredentialSummary {
  id?: string;
  types: string[];
  issuer?: { id: string; name?: string; recognised: boolean; registryName?: string };
  learner?: { id?: string; name?: string };
  achievement?: {
    id?: string;
    name?: string;
    type?: string;
    description?: string;
    code?: string;
    /** What earning it took: the OB 2.0 `criteria` narrative or URL. */
    criteria?: string;
  };
  skills: SkillSummary[];
  level?: string;
  issued?: string;
  expires?: string;
  /**
   * `verified` (checked and fine); `revoked`, `suspended` or `failed` (the status list cannot be trusted);
   * `unchecked` (could not check: never "not revoked"); `none` (the credential has no status entry).
   */
  status: 'verified' | 'revoked' | 'suspended' | 'failed' | 'unchecked' | 'none';
}

export interface CredentialReport {
  verified: boolean;
  kind: 'credential';
  /** How the credential was secured. */
  format: 'di' | 'jwt' | 'ob2-hosted' | 'ob2-signed' | 'unknown';
  checks: CheckResult[];
  summary: CredentialSummary;
  /** The credential as decoded (the JWT payload's credential for JWTs), when it could be parsed. */
  credential?: Record<string, unknown>;
  /**
   * Set when the verifier was asked to refresh (`refresh: true`) and the credential's `refreshService` answered:
   * the URL the refreshed credential came from. Everything else in this report is about the refreshed credential.
   */
  refreshedFrom?: string;
  /** Each OB 3.0 endorsement found on the credential, its achievement or its issuer, verified on its own. */
  endorsements?: EndorsementReport[];
}

/** Where an endorsement was found: on the credential, on its achievement, or on the issuer's profile. */
export type EndorsementTarget = 'credential' | 'achievement' | 'issuer';

/** One `EndorsementCredential`, verified like any credential (proof, validity, status, format), with its endorser. */
export interface EndorsementReport {
  /** Who endorsed: the endorsement's issuer. */
  endorser: { id?: string; name?: string };
  on: EndorsementTarget;
  verified: boolean;
  format: CredentialReport['format'];
  checks: CheckResult[];
  /** The endorsement's own `id`, when it has one. */
  id?: string;
  /** The endorser's comment (`credentialSubject.endorsementComment`), when given. */
  comment?: string;
}

/** What `verify` returns: never an exception for anything a user can send. */
export interface VerificationReport {
  verified: boolean;
  kind: 'credential' | 'presentation';
  checks: CheckResult[];
  credentials: CredentialReport[];
  /** For presentations: the holder DID when it could be read. */
  holder?: string;
}

/** A report is verified when no check failed; warnings and skips are shown but do not fail it. */
export function noFailures(checks: CheckResult[]): boolean {
  return checks.every((check) => check.outcome !== 'fail');
}

/** Small constructor so checks read as sentences: `result('proof', 'fail', Codes.proofInvalid, '…')`. */
export function result(check: CheckName, outcome: Outcome, code: Code, message: string): CheckResult {
  return { check, outcome, code, message };
}

/**
 * A credential report with one more check (a summary check added after the others, e.g. `refresh`, `endorsement`);
 * `verified` is recomputed, so a pass or a warning leaves it as it was and a failure makes it false.
 *
 * @example
 * withCheck(report, result('refresh', 'warn', Codes.refreshFailed, 'The refresh service did not answer.'));
 */
export function withCheck(report: CredentialReport, check: CheckResult): CredentialReport {
  const checks = [...report.checks, check];
  return { ...report, checks, verified: noFailures(checks) };
}
