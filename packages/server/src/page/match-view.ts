import type { MatchResult, RequirementOutcome } from '@skills-passport/core';
import { html } from 'hono/html';

const OUTCOME_TEXT: Record<RequirementOutcome, { text: string; css: string }> = {
  met: { text: 'Met', css: 'outcome-pass' },
  'partly-met': { text: 'Partly met', css: 'outcome-warn' },
  missing: { text: 'Not met', css: 'outcome-fail' },
};

/**
 * How the passport's verified credentials cover a job's requirements: the score, whether every required skill is
 * met, and per requirement the outcome with the credentials that evidence it.
 *
 * @example
 * html`${reportView(report)}${matchView(matchRequirements(report, job))}`;
 */
export function matchView(match: MatchResult) {
  return html`<section aria-labelledby="match-title">
<h2 id="match-title">Match against “${match.title}”</h2>
<p><strong>${match.allRequiredMet ? 'Every required skill is met.' : 'Not every required skill is met.'}</strong> Score: ${match.score} out of 100, from ${match.counted} verified credential${match.counted === 1 ? '' : 's'}.</p>
<table>
<thead><tr><th scope="col">Skill</th><th scope="col">Needed</th><th scope="col">Result</th><th scope="col">Evidence</th></tr></thead>
<tbody>
${match.requirements.map(
  (item) => html`<tr>
<td>${item.requirement.name ?? item.requirement.code} <code>${item.requirement.framework} ${item.requirement.code}</code></td>
<td>${item.requirement.importance}${item.requirement.minimumLevel ? `, level ${item.requirement.minimumLevel}+` : ''}</td>
<td class="outcome ${OUTCOME_TEXT[item.outcome].css}">${OUTCOME_TEXT[item.outcome].text}</td>
<td>${item.evidence.length === 0 ? '—' : item.evidence.map((evidence) => html`${evidence.achievement ?? 'A credential'}${evidence.issuer ? ` (${evidence.issuer})` : ''}${evidence.level ? `, level ${evidence.level}` : ''}<br>`)}</td>
</tr>`,
)}
</tbody>
</table>
${match.notCounted.length > 0 ? html`<h3>Not counted</h3><ul>${match.notCounted.map((item) => html`<li>${item.achievement ?? item.credentialId ?? 'A credential'}: ${item.message} <code>${item.reason}</code></li>`)}</ul>` : ''}
</section>`;
}
