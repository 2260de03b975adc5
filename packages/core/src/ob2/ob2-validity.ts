import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import type { Json } from './ob2-assertion.js';

/**
 * OB 2.0 dates: an `issuedOn` in the future is `not-yet-valid`, an `expires` in the past is `expired`, both with
 * the verifier's forgiven clock skew. Dates are ISO 8601 strings (OB 1.x Unix seconds are read too).
 *
 * @example
 * checkOb2Validity({ issuedOn: '2026-01-10T09:00:00Z' }, { now: new Date(), clockSkewSeconds: 60 }).code; // 'validity-ok'
 */
export function checkOb2Validity(
  assertion: Json,
  options: { now: Date; clockSkewSeconds: number },
): CheckResult {
  const issuedOn = timeOf(assertion.issuedOn);
  const expires = assertion.expires === undefined ? undefined : timeOf(assertion.expires);
  if (issuedOn === undefined || Number.isNaN(issuedOn) || (expires !== undefined && Number.isNaN(expires))) {
    return result(
      'validity',
      'fail',
      Codes.validityInvalidDate,
      'The assertion’s issuedOn or expires is not a date.',
    );
  }
  const now = options.now.getTime();
  const skew = options.clockSkewSeconds * 1000;
  if (issuedOn - skew > now) {
    return result(
      'validity',
      'fail',
      Codes.notYetValid,
      `The badge is issued on ${new Date(issuedOn).toISOString()}, in the future.`,
    );
  }
  if (expires !== undefined && expires + skew < now) {
    return result(
      'validity',
      'fail',
      Codes.expired,
      `The badge expired on ${new Date(expires).toISOString()}.`,
    );
  }
  return result(
    'validity',
    'pass',
    Codes.validityOk,
    expires === undefined
      ? 'Issued in the past; it does not expire.'
      : `Valid until ${new Date(expires).toISOString()}.`,
  );
}

function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value * 1000;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value))
    return value === undefined ? undefined : Number.NaN;
  return Date.parse(value);
}
