import { issuerIdOf, typesOf } from '../verify/format-check.js';
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
  selection: CredentialSelection,
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

/** The credential inside a JSON-LD object or a JWT (unverified: selection is the holder's own choice). */
export function readCredential(item: object | string): Record<string, unknown> | undefined {
  if (typeof item !== 'string') return item as Record<string, unknown>;
  const decoded = decodeJwt(item, 'vc');
  return 'document' in decoded ? decoded.document : undefined;
}
