import type { CheckResult, CredentialReport, VerificationReport } from '@skills-passport/core';
import { html } from 'hono/html';

/** How each kind of credential is secured, in words a recruiter can read. */
const SECURED_AS: Record<string, string> = {
  jwt: 'JWT (VC-JOSE)',
  di: 'Data Integrity proof',
  'ob2-hosted': 'Open Badges 2.0, hosted by the issuer',
  'ob2-signed': 'Open Badges 2.0, signed by the issuer',
};

/** The one-line answer a recruiter reads first. */
export type Verdict = 'verified' | 'verified-with-warnings' | 'not-verified';

/**
 * Verified with no warnings, verified with warnings (for example an issuer not in the registry, or status not
 * checkable), or not verified.
 *
 * @example
 * verdictOf(report); // 'verified-with-warnings'
 */
export function verdictOf(report: VerificationReport): Verdict {
  if (!report.verified) return 'not-verified';
  const checks = [...report.checks, ...report.credentials.flatMap((credential) => credential.checks)];
  return checks.some((check) => check.outcome === 'warn') ? 'verified-with-warnings' : 'verified';
}

const VERDICTS = {
  verified: { title: 'Verified', css: 'verdict-ok', text: 'Every check passed.' },
  'verified-with-warnings': {
    title: 'Verified with warnings',
    css: 'verdict-warn',
    text: 'The signatures and dates are good; read the warnings below before relying on it.',
  },
  'not-verified': {
    title: 'Not verified',
    css: 'verdict-fail',
    text: 'At least one check failed: do not rely on this without finding out why.',
  },
} as const;

const STATUS_TEXT: Record<CredentialReport['summary']['status'], { text: string; css: string }> = {
  verified: { text: 'Not revoked (checked)', css: 'tag-good' },
  revoked: { text: 'Revoked', css: 'tag-bad' },
  suspended: { text: 'Suspended', css: 'tag-bad' },
  failed: { text: 'Status check failed', css: 'tag-bad' },
  unchecked: { text: 'Could not check', css: 'tag-neutral' },
  none: { text: 'No revocation entry', css: 'tag-neutral' },
};

const OUTCOME_TEXT = { pass: 'Pass', fail: 'Fail', warn: 'Warning', skip: 'Skipped' } as const;

/**
 * The verdict, then each credential's issuer, learner, achievement, skills, dates, revocation state and checks,
 * in plain English. `role="status"` announces the verdict to screen readers when the page loads.
 *
 * @example
 * return c.html(layout('Result', reportView(await verify(text))));
 */
export function reportView(report: VerificationReport) {
  const verdict = VERDICTS[verdictOf(report)];
  const all = [...report.checks, ...report.credentials.flatMap((credential) => credential.checks)];
  // The reasons, de-duplicated: a passport's credentials often share one (e.g. the same unrecognised issuer).
  const reasons = [
    ...new Set(
      all
        .filter((check) => check.outcome === (report.verified ? 'warn' : 'fail'))
        .map((check) => check.message),
    ),
  ];
  const noun = report.kind === 'presentation' ? 'passport' : 'credential';
  return html`<section aria-labelledby="verdict-title">
<div class="verdict ${verdict.css}" role="status">
<h2 id="verdict-title">${verdict.title}</h2>
<p>${verdict.text}</p>
${reasons.length > 0 ? html`<ul>${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : ''}
</div>
${report.holder ? html`<p>Passport holder: <code>${report.holder}</code></p>` : ''}
${report.checks.length > 0 && report.kind === 'presentation' ? html`<h2>Checks on the ${noun}</h2>${checksTable(report.checks)}` : ''}
${report.credentials.length === 0 && report.kind === 'credential' ? html`<h2>Checks</h2>${checksTable(report.checks)}` : ''}
${report.credentials.length > 0 ? html`<h2>${report.credentials.length === 1 ? 'Credential' : `Credentials (${report.credentials.length})`}</h2>` : ''}
${report.credentials.map((credential, index) => credentialView(credential, index))}
</section>`;
}

function credentialView(credential: CredentialReport, index: number) {
  const summary = credential.summary;
  const status = STATUS_TEXT[summary.status];
  const title = summary.achievement?.name ?? `Credential ${index + 1}`;
  const headingId = `credential-${index}`;
  return html`<article class="credential" aria-labelledby="${headingId}">
<h3 id="${headingId}">${title} ${credential.verified ? html`<span class="tag tag-good">Verified</span>` : html`<span class="tag tag-bad">Not verified</span>`}</h3>
<dl>
<dt>Issuer</dt><dd>${summary.issuer?.name ?? 'Unnamed issuer'} ${summary.issuer ? html`(<code>${summary.issuer.id}</code>)` : ''}
${summary.issuer?.recognised ? html`<span class="tag tag-good">Recognised${summary.issuer.registryName ? ` by ${summary.issuer.registryName}` : ''}</span>` : html`<span class="tag tag-neutral">Not a recognised issuer</span>`}</dd>
<dt>Learner</dt><dd>${summary.learner?.name ?? 'Not named'}${summary.learner?.id ? html` (<code>${summary.learner.id}</code>)` : ''}</dd>
<dt>Achievement</dt><dd>${summary.achievement?.name ?? 'Not named'}${summary.achievement?.type ? ` — ${summary.achievement.type}` : ''}${summary.achievement?.description ? html`<br>${summary.achievement.description}` : ''}</dd>
${summary.level ? html`<dt>Level</dt><dd>${summary.level}</dd>` : ''}
<dt>Issued</dt><dd>${dateText(summary.issued) ?? 'Not stated'}</dd>
<dt>Expires</dt><dd>${dateText(summary.expires) ?? 'Does not expire'}</dd>
<dt>Revocation</dt><dd><span class="tag ${status.css}">${status.text}</span></dd>
<dt>Secured as</dt><dd>${SECURED_AS[credential.format] ?? 'Unknown'}</dd>
</dl>
${summary.skills.length > 0 ? skillsTable(summary.skills) : html`<p>No skills are aligned to a framework.</p>`}
<h4>Checks</h4>
${checksTable(credential.checks)}
</article>`;
}

function skillsTable(skills: CredentialReport['summary']['skills']) {
  return html`<table>
<caption class="hint">Skills, with their framework codes</caption>
<thead><tr><th scope="col">Skill</th><th scope="col">Framework</th><th scope="col">Code</th><th scope="col">Level</th></tr></thead>
<tbody>
${skills.map(
  (skill) =>
    html`<tr><td>${skill.name ?? skill.code}</td><td>${skill.framework}</td><td>${skill.url ? html`<a href="${safeUrl(skill.url)}" rel="noopener noreferrer"><code>${skill.code}</code></a>` : html`<code>${skill.code}</code>`}</td><td>${skill.level ?? '—'}</td></tr>`,
)}
</tbody>
</table>`;
}

function checksTable(checks: CheckResult[]) {
  return html`<table>
<thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">What it means</th></tr></thead>
<tbody>
${checks.map(
  (check) =>
    html`<tr><td>${check.check}</td><td class="outcome outcome-${check.outcome}">${OUTCOME_TEXT[check.outcome]}</td><td>${check.message} <code>${check.code}</code></td></tr>`,
)}
</tbody>
</table>`;
}

function dateText(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Only http(s) links are rendered as links; a `javascript:` URL in a credential must not become clickable. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
