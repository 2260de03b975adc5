import type {
  CheckResult,
  CredentialReport,
  CredentialSummary,
  VerificationReport,
} from '@skills-passport/core';
import type { Output } from './output.js';

/**
 * Whether a report only says the input could not be read at all (exit code 2 rather than 1): a single failed
 * format check and no credential to speak of.
 *
 * @example
 * const exitCode = report.verified ? 0 : isUnreadable(report) ? 2 : 1;
 */
export function isUnreadable(report: VerificationReport): boolean {
  return (
    !report.verified &&
    report.credentials.length === 0 &&
    report.checks.length > 0 &&
    report.checks.every((check) => check.check === 'format' && check.outcome === 'fail')
  );
}

/**
 * The verdict a person reads first: green VERIFIED or red NOT VERIFIED with the first reason.
 *
 * @example
 * verdictLine(output, report); // '✘ NOT VERIFIED credential: revoked'
 */
export function verdictLine(output: Output, report: VerificationReport): string {
  if (report.verified) {
    const warnings = allChecks(report).filter((check) => check.outcome === 'warn').length;
    const suffix = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
    return `${output.style('green', output.style('bold', '✔ VERIFIED'))} ${report.kind}${suffix}`;
  }
  const reason = allChecks(report).find((check) => check.outcome === 'fail');
  return `${output.style('red', output.style('bold', '✘ NOT VERIFIED'))} ${report.kind}${reason ? `: ${reason.code}` : ''}`;
}

/**
 * A verification report as readable lines: the verdict, then each credential's summary and checks.
 *
 * @example
 * output.result(reportLines(output, report), report);
 */
export function reportLines(output: Output, report: VerificationReport): string[] {
  const lines = [verdictLine(output, report)];
  if (report.kind === 'presentation') {
    if (report.holder) lines.push(`  Holder       ${report.holder}`);
    lines.push(...checkLines(output, report.checks, '  '));
  }
  report.credentials.forEach((credential, index) => {
    lines.push('');
    if (report.kind === 'presentation') {
      lines.push(output.style('bold', `Credential ${index + 1} of ${report.credentials.length}`));
    }
    lines.push(...summaryLines(credential));
    lines.push(...checkLines(output, credential.checks, '  '));
  });
  if (report.credentials.length === 0 && report.kind === 'credential') {
    lines.push(...checkLines(output, report.checks, '  '));
  }
  return lines;
}

function summaryLines(report: CredentialReport): string[] {
  const summary: CredentialSummary = report.summary;
  const lines: string[] = [];
  const row = (label: string, value: string | undefined) => {
    if (value) lines.push(`  ${label.padEnd(12)} ${value}`);
  };
  row('Achievement', summary.achievement?.name);
  row('Issuer', issuerText(summary));
  const learner = summary.learner;
  row(
    'Learner',
    learner?.name && learner.id ? `${learner.name} (${learner.id})` : (learner?.name ?? learner?.id),
  );
  row('Skills', skillsText(summary));
  row('Issued', summary.issued);
  row('Expires', summary.expires);
  row('Status', STATUS_TEXT[summary.status]);
  row('Format', report.format);
  row('Id', summary.id);
  return lines;
}

/** The summary's status in the three states an employer reads, in words (`--json` keeps the bare value). */
const STATUS_TEXT: Record<CredentialSummary['status'], string> = {
  verified: 'verified: not revoked (checked)',
  revoked: 'REVOKED by the issuer',
  suspended: 'SUSPENDED by the issuer',
  failed: 'status check failed: the status list cannot be trusted',
  unchecked: 'could not check: not known whether revoked',
  none: 'no revocation entry',
};

/**
 * Skills as `SFIA:SCTY (2), UK-EDS:EDS-SAFE-LEGAL`, for lists and tables.
 *
 * @example
 * skillsText(report.credentials[0].summary); // 'SFIA:SCTY (2)'
 */
export function skillsText(summary: Pick<CredentialSummary, 'skills'>): string {
  return summary.skills
    .map((skill) => `${skill.framework}:${skill.code}${skill.level ? ` (${skill.level})` : ''}`)
    .join(', ');
}

function issuerText(summary: CredentialSummary): string | undefined {
  const issuer = summary.issuer;
  if (!issuer) return undefined;
  const name = issuer.name ? `${issuer.name} (${issuer.id})` : issuer.id;
  return issuer.recognised ? `${name}, recognised by ${issuer.registryName ?? 'the trust registry'}` : name;
}

function checkLines(output: Output, checks: CheckResult[], indent: string): string[] {
  return checks.map((check) => {
    const outcome = check.outcome.padEnd(4);
    const styled =
      check.outcome === 'fail'
        ? output.style('red', outcome)
        : check.outcome === 'warn'
          ? output.style('yellow', outcome)
          : check.outcome === 'pass'
            ? output.style('green', outcome)
            : output.style('dim', outcome);
    return `${indent}${styled}  ${check.check.padEnd(9)} ${check.code.padEnd(24)} ${check.message}`;
  });
}

/** Every check once: a credential report's top-level checks are its credential's checks. */
function allChecks(report: VerificationReport): CheckResult[] {
  return [...new Set([...report.checks, ...report.credentials.flatMap((credential) => credential.checks)])];
}
