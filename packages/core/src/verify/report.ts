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
  | 'recipient';

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
  /** `verified` (checked and fine), `revoked`, `suspended`, or `unchecked` (could not check, or no status). */
  status: 'verified' | 'revoked' | 'suspended' | 'unchecked' | 'none';
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
