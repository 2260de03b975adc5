import { issuerIdOf, typesOf } from '../verify/format-check.js';
import { envelopedJwt } from '../verify/input.js';
import { decodeJwt } from '../verify/jwt-credential.js';
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
  const wantedSkills = selection.skills?.map((skill) => skill.toUpperCase());
  return credentials.filter((item) => {
    const credential = readCredential(item);
    if (!credential) return false;
    if (selection.ids && !selection.ids.includes(String(credential.id))) return false;
    if (selection.types && !typesOf(credential).some((type) => selection.types!.includes(type))) return false;
    if (selection.issuers && !selection.issuers.includes(issuerIdOf(credential) ?? '')) return false;
    if (wantedSkills) {
      const held = skillsOf(credential).map((skill) => `${skill.framework}:${skill.code}`.toUpperCase());
      if (!wantedSkills.some((skill) => held.includes(skill))) return false;
    }
    return true;
  });
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
  return 'document' in decoded ? decoded.document : undefined;
}
