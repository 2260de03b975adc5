import { issuerIdOf, typesOf } from '../verify/format-check.js';
import { envelopedJwt } from '../verify/input.js';
import { credentialOfJwt } from '../verify/jwt-claims.js';
import { decodeJwt } from '../verify/jwt-credential.js';
import type { SkillSummary } from '../verify/report.js';
import { skillsOf } from '../verify/summary.js';

/** Which of the learner's credentials to share. Every criterion given must match; none given shares everything. */
export interface CredentialSelection {
  ids?: string[];
  types?: string[];
  issuers?: string[];
  /** Skills as `FRAMEWORK:CODE`, e.g. `SFIA:SCTY` (case-insensitive). */
  skills?: string[];
}

/**
 * Picks the credentials a learner chooses to share, by id, type, issuer or skill, whatever their format.
 *
 * @example
 * const shared = selectCredentials(wallet, { skills: ['SFIA:SCTY'] });
 */
export function selectCredentials<T extends object | string>(
  credentials: T[],
  selection: CredentialSelection = {},
): T[] {
  return credentials.filter((item) => {
    const credential = readCredential(item);
    if (!credential) return false;
    return matchesSelection(
      {
        id: String(credential.id),
        types: typesOf(credential),
        issuer: issuerIdOf(credential),
        skills: skillsOf(credential),
      },
      selection,
    );
  });
}

/**
 * Whether what is known of a credential (its id, types, issuer and skills, e.g. from its summary) meets a
 * selection: every criterion given must match; none given matches everything.
 *
 * @example
 * matchesSelection({ id, types: summary.types, issuer: summary.issuer?.id, skills: summary.skills }, { skills: ['SFIA:SCTY'] });
 */
export function matchesSelection(
  facts: { id: string; types: string[]; issuer: string | undefined; skills: SkillSummary[] },
  selection: CredentialSelection,
): boolean {
  if (selection.ids && !selection.ids.includes(facts.id)) return false;
  if (selection.types && !facts.types.some((type) => selection.types!.includes(type))) return false;
  if (selection.issuers && !selection.issuers.includes(facts.issuer ?? '')) return false;
  if (selection.skills) {
    const wanted = selection.skills.map((skill) => skill.toUpperCase());
    const held = facts.skills.map((skill) => `${skill.framework}:${skill.code}`.toUpperCase());
    if (!wanted.some((skill) => held.includes(skill))) return false;
  }
  return true;
}

/**
 * The credential inside a JSON-LD object, a JWT or an enveloped JWT (unverified: selection is the holder's own
 * choice, and the verifier checks everything).
 *
 * @example
 * readCredential(jwt)?.credentialSubject;
 */
export function readCredential(item: object | string): Record<string, unknown> | undefined {
  if (!item) return undefined;
  // An enveloped credential (VC 2.0) is read through to the JWT it carries.
  const jwt = typeof item === 'string' ? item : envelopedJwt(item as Record<string, unknown>);
  if (jwt === undefined) return typeof item === 'object' ? (item as Record<string, unknown>) : undefined;
  const decoded = decodeJwt(jwt, 'vc');
  return 'document' in decoded ? credentialOfJwt(decoded) : undefined;
}
