import type { CheckResult, CredentialSummary, SkillSummary } from '../verify/report.js';
import { frameworkOf, summaryStatusOf } from '../verify/summary.js';
import { type Json, objectOf, stringOf, typesOf } from './ob2-assertion.js';

/** What is known of an OB 2.0 badge for its summary: the assertion and, when they could be followed, its links. */
export interface Ob2Parts {
  assertion?: Json;
  badge?: Json;
  issuer?: Json;
  /** The issuer's name in the verifier's trust registry, when it is there. */
  recognisedAs?: { name: string; registryName: string };
}

/**
 * The same plain summary OB 3.0 credentials get: issuer, recipient (its identity or hash), the badge as the
 * achievement (with criteria), `alignment` entries as skills, dates, and the status the checks found.
 *
 * @example
 * summariseOb2({ assertion, badge, issuer }, checks).achievement?.name; // 'Security+'
 */
export function summariseOb2(parts: Ob2Parts, checks: CheckResult[]): CredentialSummary {
  const { assertion, badge, issuer } = parts;
  const summary: CredentialSummary = {
    types: assertion ? typesOf(assertion) : [],
    skills: [],
    status: summaryStatusOf(checks),
  };
  const id = stringOf(assertion?.id);
  if (id) summary.id = id;
  if (issuer && typeof issuer.id === 'string') {
    summary.issuer = { id: issuer.id, recognised: parts.recognisedAs !== undefined };
    const name = parts.recognisedAs?.name ?? stringOf(issuer.name);
    if (name) summary.issuer.name = name;
    if (parts.recognisedAs) summary.issuer.registryName = parts.recognisedAs.registryName;
  }
  const recipient = stringOf(objectOf(assertion?.recipient)?.identity);
  if (recipient) summary.learner = { id: recipient };
  if (badge) {
    const achievement: NonNullable<CredentialSummary['achievement']> = { type: 'BadgeClass' };
    const badgeId = stringOf(badge.id);
    if (badgeId) achievement.id = badgeId;
    const name = stringOf(badge.name);
    if (name) achievement.name = name;
    const description = stringOf(badge.description);
    if (description) achievement.description = description;
    const criteria =
      stringOf(badge.criteria) ??
      stringOf(objectOf(badge.criteria)?.narrative) ??
      stringOf(objectOf(badge.criteria)?.id);
    if (criteria) achievement.criteria = criteria;
    summary.achievement = achievement;
    summary.skills = skillsOfBadge(badge);
  }
  const issued = stringOf(assertion?.issuedOn);
  if (issued) summary.issued = issued;
  const expires = stringOf(assertion?.expires);
  if (expires) summary.expires = expires;
  return summary;
}

function skillsOfBadge(badge: Json): SkillSummary[] {
  const alignments = Array.isArray(badge.alignment) ? badge.alignment : [badge.alignment];
  return alignments.flatMap((item) => {
    const alignment = objectOf(item);
    if (!alignment) return [];
    const skill: SkillSummary = {
      framework: frameworkOf(alignment),
      code:
        stringOf(alignment.targetCode) ??
        stringOf(alignment.targetUrl) ??
        stringOf(alignment.targetName) ??
        '',
    };
    const name = stringOf(alignment.targetName);
    if (name) skill.name = name;
    const url = stringOf(alignment.targetUrl);
    if (url) skill.url = url;
    return [skill];
  });
}
