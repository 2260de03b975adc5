import { VC_V2_CONTEXT } from './format-check.js';
import type { DecodedJwt } from './jwt-credential.js';

/**
 * The credential a JWT carries, read as VC Data Model 1.1 (§6.3.1) decodes a `vc` claim: the claim may leave out
 * what the registered claims already say (did-jwt-vc and Veramo leave it out by default), so `jti` gives the `id`,
 * `iss` the `issuer`, `sub` the one subject's `id`, and `nbf` / `exp` the dates. Only what the credential leaves
 * out is filled in; where both say something, `jwtClaimsConflict` holds them to agreeing. A token whose payload is
 * the credential itself (VC-JOSE) gets its payload back as it is. Returns a new object; the decoded one is left
 * alone.
 *
 * @example
 * credentialOfJwt(decodeJwt(jwt, 'vc') as DecodedJwt).issuer; // the `iss` claim when the `vc` claim has no issuer
 */
export function credentialOfJwt(decoded: DecodedJwt): Record<string, unknown> {
  const { payload, document, form } = decoded;
  if (form !== 'vc-claim') return document;
  const credential = { ...document };
  const contexts = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
  const [fromName, untilName] =
    contexts[0] === VC_V2_CONTEXT ? ['validFrom', 'validUntil'] : ['issuanceDate', 'expirationDate'];
  if (credential.id === undefined && typeof payload.jti === 'string') credential.id = payload.jti;
  if (typeof payload.iss === 'string') {
    if (credential.issuer === undefined) credential.issuer = payload.iss;
    else credential.issuer = withId(credential.issuer, payload.iss);
  }
  if (typeof payload.sub === 'string') {
    credential.credentialSubject = withId(credential.credentialSubject, payload.sub);
  }
  const from = dateOfSeconds(payload.nbf);
  if (from && credential.validFrom === undefined && credential.issuanceDate === undefined) {
    credential[fromName] = from;
  }
  const until = dateOfSeconds(payload.exp);
  if (until && credential.validUntil === undefined && credential.expirationDate === undefined) {
    credential[untilName] = until;
  }
  return credential;
}

/** An object without an `id` (an issuer profile, one subject) with the claim's value as its `id`; else as it is. */
function withId(value: unknown, id: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return (value as { id?: unknown }).id === undefined ? { id, ...value } : value;
}

/** Registered claims must agree with the credential they wrap, or one of them is lying. */
export function jwtClaimsConflict(decoded: DecodedJwt, issuerId: string | undefined): string | undefined {
  const { payload, document } = decoded;
  const subject = document.credentialSubject as { id?: unknown } | undefined;
  const pairs: Array<[string, unknown, unknown]> = [
    ['iss', payload.iss, issuerId],
    ['jti', payload.jti, document.id],
    ['sub', payload.sub, Array.isArray(subject) ? undefined : subject?.id],
    ['nbf', payload.nbf, seconds(document.validFrom ?? document.issuanceDate)],
    ['exp', payload.exp, seconds(document.validUntil ?? document.expirationDate)],
  ];
  for (const [claim, claimValue, credentialValue] of pairs) {
    if (claimValue !== undefined && credentialValue !== undefined && claimValue !== credentialValue) {
      return `The JWT claim "${claim}" (${String(claimValue)}) disagrees with the credential (${String(credentialValue)}).`;
    }
  }
  return undefined;
}

function seconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

/** A NumericDate claim as an XML Schema date-time (whole seconds, as the claim has them). */
function dateOfSeconds(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.000Z$/, 'Z');
}
