import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import { type Json, objectOf } from './ob2-assertion.js';

/**
 * The OB 2.0 hosted verification policy: may the issuer's assertions live at this URL? The issuer Profile's
 * `verification` may list `allowedOrigins` (host names) and `startsWith` (URL prefixes); without either, the
 * assertion must be on the same host as the issuer Profile's `id`. Anyone can host JSON claiming to be an
 * issuer's badge, so this is what ties a hosted assertion to its issuer.
 *
 * @example
 * checkHostedPolicy('https://evil.example/a/1', { id: 'https://vendor.example/issuer' }).code; // 'ob2-origin-not-allowed'
 */
export function checkHostedPolicy(assertionId: string, issuer: Json): CheckResult {
  const assertionUrl = parse(assertionId);
  if (assertionUrl?.protocol !== 'https:') {
    return result(
      'proof',
      'fail',
      Codes.ob2OriginNotAllowed,
      `The assertion id ${assertionId} is not an https URL.`,
    );
  }
  const policy = objectOf(issuer.verification);
  const allowedOrigins = listOf(policy?.allowedOrigins);
  const startsWith = listOf(policy?.startsWith);
  if (allowedOrigins.length === 0 && startsWith.length === 0) {
    const issuerHost = parse(String(issuer.id))?.host;
    if (issuerHost !== undefined && issuerHost === assertionUrl.host)
      return allowed(assertionId, 'the issuer’s own host');
    return notAllowed(assertionId, `the issuer profile’s host (${issuerHost ?? 'unknown'})`);
  }
  if (allowedOrigins.length > 0 && !allowedOrigins.some((origin) => hostOf(origin) === assertionUrl.host)) {
    return notAllowed(assertionId, `the issuer’s allowedOrigins (${allowedOrigins.join(', ')})`);
  }
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix))) {
    return notAllowed(assertionId, `the issuer’s startsWith URLs (${startsWith.join(', ')})`);
  }
  return allowed(assertionId, 'the issuer’s verification policy');
}

function allowed(assertionId: string, by: string): CheckResult {
  return result(
    'proof',
    'pass',
    Codes.ob2HostedOk,
    `The assertion was fetched from ${assertionId}, which ${by} allows.`,
  );
}

function notAllowed(assertionId: string, policy: string): CheckResult {
  return result(
    'proof',
    'fail',
    Codes.ob2OriginNotAllowed,
    `The assertion is hosted at ${assertionId}, outside ${policy}: the issuer does not vouch for it.`,
  );
}

/** `allowedOrigins` entries are host names; a full URL written there is read as its host. */
function hostOf(origin: string): string {
  return origin.includes('://') ? (parse(origin)?.host ?? origin) : origin.toLowerCase();
}

function listOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
