import { typesOf } from './format-check.js';
import type { ParsedInput } from './input.js';
import { peekJwt } from './jwt-credential.js';
import {
  embeddedCredentials,
  tooManyCredentials,
  verifyEmbeddedCredentials,
} from './presentation-credentials.js';
import { bindAllToHolder, subjectIdsOf } from './presentation-holder.js';
import { type CheckResult, noFailures, type VerificationReport } from './report.js';
import { type CredentialVerificationContext, verifyCredentialInput } from './verify-credential.js';

/**
 * Whether parsed input is a CLR 2.0 `ClrCredential` (JSON-LD, or a JWT in either VC-JWT form).
 *
 * @example
 * isClrCredential(parseInput(transcript)); // true for a ClrCredential
 */
export function isClrCredential(parsed: ParsedInput): boolean {
  if (parsed.kind === 'json') return typesOf(parsed.document).includes('ClrCredential');
  if (parsed.kind !== 'jwt') return false;
  const decoded = peekJwt(parsed.jwt, 'vc');
  return !('check' in decoded) && typesOf(decoded.document).includes('ClrCredential');
}

/**
 * Verifies a CLR 2.0 `ClrCredential`, a learner's bundle of achievements signed by one issuer, as a passport
 * form: the CLR itself (the issuer's proof, dates, status, issuer) and, like a presentation's, every
 * `credentialSubject.verifiableCredential` inside with its own full report, each of which must be about the
 * CLR's learner (`credentialSubject.id`). `credentials` lists the CLR first, then the credentials inside.
 *
 * @example
 * const report = await verifyClrInput(parseInput(clr) as ParsedInput & { kind: 'json' }, context);
 */
export async function verifyClrInput(
  parsed: ParsedInput & { kind: 'json' | 'jwt' },
  context: CredentialVerificationContext,
): Promise<VerificationReport> {
  const outer = await verifyCredentialInput(parsed, context);
  const clr = outer.credential;
  const subject = clr?.credentialSubject;
  const items =
    subject && typeof subject === 'object' && !Array.isArray(subject)
      ? embeddedCredentials((subject as Record<string, unknown>).verifiableCredential)
      : [];
  const checks: CheckResult[] = [...outer.checks];
  const tooMany = tooManyCredentials(items.length, 'CLR');
  if (tooMany)
    return { verified: false, kind: 'credential', checks: [...checks, tooMany], credentials: [outer] };
  let inner = await verifyEmbeddedCredentials(items, context);
  const learner = clr ? subjectIdsOf(clr)[0] : undefined;
  if (learner && inner.length > 0) {
    const bound = bindAllToHolder(inner, learner);
    inner = bound.credentials;
    checks.push(bound.check);
  }
  const report: VerificationReport = {
    verified: noFailures(checks) && inner.every((credential) => credential.verified),
    kind: 'credential',
    checks,
    credentials: [outer, ...inner],
  };
  if (learner) report.holder = learner;
  return report;
}
