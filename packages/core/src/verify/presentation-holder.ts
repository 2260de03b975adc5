import { Codes } from '../codes.js';
import { type CheckResult, type CredentialReport, result, withCheck } from './report.js';

/**
 * The presentation's `holder`, whether written as a string or as an object with an `id`.
 *
 * @example
 * holderOf({ holder: { id: 'did:key:z6Mk…' } }); // 'did:key:z6Mk…'
 */
export function holderOf(presentation: Record<string, unknown>): string | undefined {
  const holder = presentation.holder;
  if (typeof holder === 'string' && holder !== '') return holder;
  if (holder && typeof holder === 'object' && typeof (holder as { id?: unknown }).id === 'string') {
    return (holder as { id: string }).id;
  }
  return undefined;
}

/**
 * Every `credentialSubject.id` of a credential (a subject may be a list).
 *
 * @example
 * subjectIdsOf(credential); // ['did:key:z6Mk…']
 */
export function subjectIdsOf(credential: Record<string, unknown>): string[] {
  const subject = credential.credentialSubject;
  const subjects = Array.isArray(subject) ? subject : [subject];
  return subjects
    .map((item) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
}

/**
 * Adds the `holder` check to one credential's report: the credential must be about the holder (its subject id is
 * the holder's DID), or it is someone else's credential being passed off. Only this credential's report fails.
 *
 * @example
 * bindToHolder(report, 'did:key:z6Mk…').checks.at(-1)?.code; // 'holder-ok' or 'holder-mismatch'
 */
export function bindToHolder(report: CredentialReport, holder: string): CredentialReport {
  if (isEvidenceOnly(report)) {
    // OB 2.0 names its recipient by email or URL, never by DID: the holder's signature cannot make it theirs.
    const check = result(
      'holder',
      'warn',
      Codes.holderNotBound,
      'An Open Badges 2.0 assertion: verified on its own, but not bound to the holder (evidence only).',
    );
    return withCheck(report, check);
  }
  if (!report.credential) return report;
  const subjects = subjectIdsOf(report.credential);
  const check = subjects.includes(holder)
    ? result('holder', 'pass', Codes.holderOk, 'The credential was issued to the holder of the presentation.')
    : result(
        'holder',
        'fail',
        Codes.holderMismatch,
        subjects.length === 0
          ? `The credential names no subject id, so it cannot be shown to belong to the holder ${holder}.`
          : `The credential was issued to ${subjects.join(', ')}, not to the holder ${holder}.`,
      );
  return withCheck(report, check);
}

/**
 * Binds every credential to the holder and sums it up in one `holder` check: pass when all were issued to the
 * holder, otherwise a failure saying how many were not (each such credential's own report says which).
 *
 * @example
 * const { credentials, check } = bindAllToHolder(reports, holder);
 */
export function bindAllToHolder(
  credentials: CredentialReport[],
  holder: string,
): { credentials: CredentialReport[]; check: CheckResult } {
  const bound = credentials.map((credential) => bindToHolder(credential, holder));
  const strangers = bound.filter((credential) =>
    credential.checks.some((check) => check.check === 'holder' && check.outcome === 'fail'),
  ).length;
  const evidence = bound.filter(isEvidenceOnly).length;
  const evidenceNote =
    evidence === 0
      ? ''
      : ` ${evidence} Open Badges 2.0 ${evidence === 1 ? 'assertion is' : 'assertions are'} evidence only, not bound to the holder.`;
  const check =
    strangers === 0
      ? result(
          'holder',
          'pass',
          Codes.holderOk,
          `Every credential was issued to the holder ${holder}.${evidenceNote}`,
        )
      : result(
          'holder',
          'fail',
          Codes.holderMismatch,
          `${strangers} of ${bound.length} credentials were not issued to the holder ${holder}.${evidenceNote}`,
        );
  return { credentials: bound, check };
}

/**
 * An Open Badges 2.0 assertion (a report, or anything else that names its format, such as a wallet entry): its own
 * checks stand, but it cannot be holder-bound, so a presentation carries it as evidence only.
 *
 * @example
 * isEvidenceOnly(report); // true for format 'ob2-hosted' or 'ob2-signed'
 */
export function isEvidenceOnly(report: Pick<CredentialReport, 'format'>): boolean {
  return report.format === 'ob2-hosted' || report.format === 'ob2-signed';
}
