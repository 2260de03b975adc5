import { createHash } from 'node:crypto';
import type { IdentityObject } from '../types/open-badges.js';

/**
 * The OB 3.0 `IdentityObject` for a vendor's candidate id. With a salt, the id is stored as an OB IdentityHash
 * (`sha256$` + hex SHA-256 of id + salt), so the credential proves the id without disclosing it; without one,
 * it is stored in plain text (`hashed: false`).
 *
 * @example
 * ```ts
 * candidateIdentifier('COMP001021234567');
 * // { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: 'COMP001021234567' }
 * candidateIdentifier('COMP001021234567', { salt: 'k3y' }).identityHash; // 'sha256$…'
 * ```
 */
export function candidateIdentifier(
  candidateId: string,
  options: { identityType?: string; salt?: string } = {},
): IdentityObject {
  const identityType = options.identityType ?? 'identifier';
  if (options.salt === undefined) {
    return { type: 'IdentityObject', identityType, hashed: false, identityHash: candidateId };
  }
  const digest = createHash('sha256').update(`${candidateId}${options.salt}`, 'utf8').digest('hex');
  return {
    type: 'IdentityObject',
    identityType,
    hashed: true,
    identityHash: `sha256$${digest}`,
    salt: options.salt,
  };
}
