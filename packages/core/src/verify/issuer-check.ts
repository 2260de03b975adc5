import { Codes } from '../codes.js';
import type { TrustRegistry } from '../trust/trust-registry.js';
import { issuerIdOf } from './format-check.js';
import { type CheckResult, result } from './report.js';
import { achievementOf } from './summary.js';

export interface IssuerPolicy {
  registry?: TrustRegistry | undefined;
  /** Fail (instead of warn) when the issuer is not in the registry. */
  requireTrustedIssuer?: boolean | undefined;
}

/**
 * Is the issuer one the verifier recognises, for this kind of achievement, and is the signing key bound to it?
 * `verificationMethods` are the key ids that signed (the OB 3.0 `<url>#<key>` form proves only key possession).
 */
export function checkIssuer(
  credential: Record<string, unknown>,
  verificationMethods: string[],
  policy: IssuerPolicy,
): CheckResult {
  const issuerId = issuerIdOf(credential) ?? '';
  const entry = policy.registry?.lookup(issuerId);
  const urlKeys = verificationMethods.filter((id) => !id.startsWith('did:'));
  const unconfirmed = urlKeys.filter((id) => !entry?.keys?.includes(id));
  if (!entry) {
    const outcome = policy.requireTrustedIssuer ? 'fail' : 'warn';
    const why = policy.registry
      ? `${issuerId} is not in the trust registry "${policy.registry.name}".`
      : `No trust registry was given, so ${issuerId} is not a recognised issuer.`;
    return result('issuer', outcome, Codes.issuerUnknown, why);
  }
  const achievementType = achievementOf(credential)?.achievementType;
  if (
    entry.achievementTypes &&
    !(typeof achievementType === 'string' && entry.achievementTypes.includes(achievementType))
  ) {
    return result(
      'issuer',
      'fail',
      Codes.issuerNotAuthorized,
      `${entry.name} is recognised only for ${entry.achievementTypes.join(', ')}, not ${String(achievementType ?? 'this achievement')}.`,
    );
  }
  if (unconfirmed.length > 0) {
    return result(
      'issuer',
      'warn',
      Codes.issuerKeyUnconfirmed,
      `${entry.name} is recognised, but the key ${unconfirmed[0]} is given by URL only: it proves possession of the key, not that it is ${entry.name}'s.`,
    );
  }
  return result(
    'issuer',
    'pass',
    Codes.issuerTrusted,
    `${entry.name} is a recognised issuer (${policy.registry?.name}).`,
  );
}
