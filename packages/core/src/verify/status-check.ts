import { Codes } from '../codes.js';
import { type CheckResult, result } from './report.js';

/**
 * Checks a credential's `credentialStatus`. The default below only says whether there is anything to check;
 * the status-list checker (`createStatusChecker`) replaces it to fetch and verify real lists.
 */
export type StatusChecker = (credential: Record<string, unknown>) => Promise<CheckResult>;

export const statusNotChecked: StatusChecker = async (credential) => {
  if (credential.credentialStatus === undefined) {
    return result(
      'status',
      'skip',
      Codes.statusNone,
      'The credential has no status entry (it cannot be revoked).',
    );
  }
  return result(
    'status',
    'warn',
    Codes.statusNotChecked,
    'The credential has a status entry, but this verifier was not set up to check status: revocation could not be checked.',
  );
};
