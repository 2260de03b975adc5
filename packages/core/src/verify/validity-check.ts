import { Codes } from '../codes.js';
import { type CheckResult, result } from './report.js';

export interface ValidityOptions {
  now: Date;
  /** Seconds of clock difference forgiven at both ends (default 60). */
  clockSkewSeconds: number;
}

/**
 * Checks `validFrom`/`validUntil` (VC 2.0) or `issuanceDate`/`expirationDate` (VC 1.1), falling back to a JWT's
 * `nbf`/`exp` when the credential itself has no dates (the OB 3.0 VC-JWT form).
 */
export function checkValidity(
  credential: Record<string, unknown>,
  options: ValidityOptions,
  jwtClaims: { nbf?: unknown; exp?: unknown } = {},
): CheckResult {
  const from = dateOf(credential.validFrom ?? credential.issuanceDate, jwtClaims.nbf);
  const until = dateOf(credential.validUntil ?? credential.expirationDate, jwtClaims.exp);
  if (from === 'invalid' || until === 'invalid') {
    return result('validity', 'fail', Codes.validityInvalidDate, 'A validity date is not a valid date-time.');
  }
  const skew = options.clockSkewSeconds * 1000;
  const now = options.now.getTime();
  if (from && from.getTime() - skew > now) {
    return result(
      'validity',
      'fail',
      Codes.notYetValid,
      `The credential is not valid until ${from.toISOString()}.`,
    );
  }
  if (until && until.getTime() + skew < now) {
    return result('validity', 'fail', Codes.expired, `The credential expired on ${until.toISOString()}.`);
  }
  const message = until ? `Valid until ${until.toISOString()}.` : 'Valid, with no expiry date.';
  return result('validity', 'pass', Codes.validityOk, message);
}

function dateOf(value: unknown, epochSeconds: unknown): Date | undefined | 'invalid' {
  if (value === undefined) {
    return typeof epochSeconds === 'number' && Number.isFinite(epochSeconds)
      ? new Date(epochSeconds * 1000)
      : undefined;
  }
  // XML Schema dateTime as VC requires it: a date, a time and a zone; `Date.parse` alone accepts too much.
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  ) {
    return 'invalid';
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? 'invalid' : new Date(time);
}
