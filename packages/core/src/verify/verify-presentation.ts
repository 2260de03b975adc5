import type { ChallengeStore } from '../challenges/challenge-store.js';
import { Codes } from '../codes.js';
import type { VerifyOb2Assertion } from '../ob2/verify-ob2-assertion.js';
import { isClrCredential, verifyClrInput } from './clr-credential.js';
import { checkCredentialFormat, typesOf } from './format-check.js';
import type { ExpectedRecipient } from './identity-hash.js';
import type { ParsedInput } from './input.js';
import { type DecodedJwt, decodeJwt, peekJwt } from './jwt-credential.js';
import { checkChallenge } from './presentation-challenge.js';
import {
  embeddedCredentials,
  tooManyCredentials,
  verifyEmbeddedCredentials,
} from './presentation-credentials.js';
import { bindAllToHolder, holderOf } from './presentation-holder.js';
import {
  authenticationProofOf,
  checkDataIntegrityPresentationProof,
  checkJwtPresentationProof,
  jwtBinding,
  type PresentationBinding,
  type PresentationProofOutcome,
} from './presentation-proof.js';
import { resolveProofMethods } from './proof-pool.js';
import {
  type CheckName,
  type CheckResult,
  type CredentialReport,
  noFailures,
  result,
  type VerificationReport,
} from './report.js';
import type { CredentialVerificationContext } from './verify-credential.js';

/** What one call expects a presentation to be bound to. */
export interface PresentationOptions {
  /** The challenge you issued for this request (DI `challenge`, JWT `nonce`). */
  challenge?: string;
  /** Your domain (DI `domain`, JWT `aud`), e.g. `https://jobs.example.com`. */
  domain?: string;
  /** The identity Open Badges 2.0 assertions carried as evidence should name as recipient. */
  recipient?: ExpectedRecipient | string;
}

/** Verifier-wide presentation settings, made once by `createVerifier`. */
export interface PresentationPolicy {
  /** Challenges this verifier issued; each is accepted once (see `createMemoryChallengeStore`). */
  challengeStore?: ChallengeStore;
  /** Verifies Open Badges 2.0 assertions a presentation carries (as evidence only: they cannot be holder-bound). */
  verifyOb2?: VerifyOb2Assertion;
}

const ORDER: CheckName[] = ['format', 'proof', 'validity', 'challenge', 'holder'];

/**
 * Whether parsed input is a passport to verify as a bundle: a JSON-LD `VerifiablePresentation`, a JWT that is one
 * (`vp+jwt`, a VC 1.1 `vp` claim, or a payload typed `VerifiablePresentation`), or a CLR 2.0 `ClrCredential`.
 *
 * @example
 * if (isPresentation(parseInput(body))) report = await verifyPresentationInput(parsed, context, { challenge });
 */
export function isPresentation(parsed: ParsedInput): boolean {
  if (isClrCredential(parsed)) return true;
  if (parsed.kind === 'json') return typesOf(parsed.document).includes('VerifiablePresentation');
  if (parsed.kind !== 'jwt') return false;
  const decoded = peekJwt(parsed.jwt, 'vp');
  if ('check' in decoded) return false;
  return (
    decoded.header.typ === 'vp+jwt' ||
    decoded.form === 'vc-claim' ||
    typesOf(decoded.payload).includes('VerifiablePresentation')
  );
}

/**
 * Verifies a learner's presentation: the holder's own proof (Data Integrity `authentication`, or a `vp+jwt`), the
 * challenge and domain this verifier expects, every credential inside (each with its full report, so one bad
 * credential hides none of the others) and that each credential was issued to the holder. `verified` only when
 * all of them pass. Never throws.
 *
 * @example
 * const report = await verifyPresentationInput(parseInput(passport), context, { challenge, domain }, { challengeStore });
 * report.credentials.filter((credential) => !credential.verified); // each bad credential, with its checks
 */
export async function verifyPresentationInput(
  parsed: ParsedInput,
  context: CredentialVerificationContext,
  options: PresentationOptions = {},
  policy: PresentationPolicy = {},
): Promise<VerificationReport> {
  try {
    if ((parsed.kind === 'json' || parsed.kind === 'jwt') && isClrCredential(parsed)) {
      return await verifyClrInput(parsed, context);
    }
    if (parsed.kind === 'jwt') return await verifyJwtPresentation(parsed.jwt, context, options, policy);
    if (parsed.kind === 'json')
      return await verifyDataIntegrityPresentation(parsed.document, context, options, policy);
    const check =
      parsed.kind === 'invalid'
        ? parsed.check
        : result('format', 'fail', Codes.inputNotJson, 'The input is not a presentation.');
    return report([check], []);
  } catch (error) {
    // An unforeseen library failure must still produce a report, not a crash.
    const check = result(
      'proof',
      'fail',
      Codes.holderProofInvalid,
      `Verification stopped: ${(error as Error).message}`,
    );
    return report([check], []);
  }
}

async function verifyDataIntegrityPresentation(
  presentation: Record<string, unknown>,
  context: CredentialVerificationContext,
  options: PresentationOptions,
  policy: PresentationPolicy,
): Promise<VerificationReport> {
  const format = presentationFormat(presentation, context);
  if (format.outcome === 'fail') return report([format], []);
  const proof = authenticationProofOf(presentation);
  const [proofOutcome, credentials] = await Promise.all([
    holderProof(presentation, proof, context),
    verifyCredentials(presentation, context, options, policy),
  ]);
  const binding: PresentationBinding = { challenge: proof?.challenge, domain: proof?.domain };
  return finish(
    [format],
    proofOutcome,
    holderOf(presentation),
    binding,
    credentials,
    context,
    options,
    policy,
  );
}

async function verifyJwtPresentation(
  jwt: string,
  context: CredentialVerificationContext,
  options: PresentationOptions,
  policy: PresentationPolicy,
): Promise<VerificationReport> {
  const decoded = decodeJwt(jwt, 'vp');
  if ('check' in decoded) return report([decoded], []);
  const presentation = decoded.document;
  const format = presentationFormat(presentation, context);
  if (format.outcome === 'fail') return report([format], []);
  const declared = holderOf(presentation);
  const iss = typeof decoded.payload.iss === 'string' ? decoded.payload.iss : undefined;
  if (declared && iss && declared !== iss) {
    const conflict = result(
      'proof',
      'fail',
      Codes.jwtClaimsMismatch,
      `The JWT claim "iss" (${iss}) disagrees with the presentation's holder (${declared}).`,
    );
    return report(
      [format, conflict],
      await verifyCredentials(presentation, context, options, policy),
      declared,
    );
  }
  const holder = declared ?? iss;
  const [proofOutcome, credentials] = await Promise.all([
    checkJwtPresentationProof(jwt, decoded, holder, context.resolver),
    verifyCredentials(presentation, context, options, policy),
  ]);
  const checks = [format, ...jwtValidity(decoded, context)];
  return finish(checks, proofOutcome, holder, jwtBinding(decoded), credentials, context, options, policy);
}

/**
 * The holder's Data Integrity proof, on a worker thread when the verifier has a pool: it canonicalizes the whole
 * presentation, every credential inside included, so while a worker does that this thread checks the
 * credentials' own proofs. The key is resolved here first (workers never touch the network); a key that cannot
 * be resolved up front is checked here in full, which reports why.
 */
async function holderProof(
  presentation: Record<string, unknown>,
  proof: Record<string, unknown> | undefined,
  context: CredentialVerificationContext,
): Promise<PresentationProofOutcome> {
  const check = () => checkDataIntegrityPresentationProof(presentation, context.documentLoader);
  if (!context.proofPool || !proof) return check();
  const methods = await resolveProofMethods([proof], context.resolver, 'authentication');
  if (!methods) return check();
  const task = { credential: presentation, methods, kind: 'presentation' as const };
  return context.proofPool.run(task, check, { preferWorker: true });
}

/** Everything after the holder's proof: holder agreement, challenge and domain, and binding each credential. */
async function finish(
  checks: CheckResult[],
  proof: PresentationProofOutcome,
  declaredHolder: string | undefined,
  binding: PresentationBinding,
  credentials: CredentialReport[],
  context: CredentialVerificationContext,
  options: PresentationOptions,
  policy: PresentationPolicy,
): Promise<VerificationReport> {
  const all = [...checks, proof.check];
  const proofVerified = proof.check.outcome === 'pass';
  const holder = declaredHolder ?? proof.signer;
  all.push(
    ...(await checkChallenge(
      binding,
      { ...options, ...policy, now: context.now() },
      proofVerified && !checks.some((check) => check.outcome === 'fail'),
    )),
  );
  if (declaredHolder && proof.signer && proof.signer !== declaredHolder) {
    all.push(
      result(
        'holder',
        'fail',
        Codes.holderMismatch,
        `The presentation names ${declaredHolder} as holder but is signed by ${proof.signer}.`,
      ),
    );
    return report(all, credentials, declaredHolder);
  }
  // Without a known holder (no `holder` and no good proof) there is nothing to bind to; the proof already failed.
  if (!holder) return report(all, credentials);
  const bound = bindAllToHolder(credentials, holder);
  all.push(bound.check);
  return report(all, bound.credentials, holder);
}

/** The presentation's shape (the VC context, the type) and a credential count within the limit. */
function presentationFormat(
  presentation: Record<string, unknown>,
  context: CredentialVerificationContext,
): CheckResult {
  const format = checkCredentialFormat(presentation, 'VerifiablePresentation', context.knownContexts);
  if (format.outcome === 'fail') return format;
  return (
    tooManyCredentials(embeddedCredentials(presentation.verifiableCredential).length, 'presentation') ??
    format
  );
}

/**
 * The credentials inside, in any form: JSON-LD objects, enveloped JWTs (VC 2.0), JWT strings (VC 1.1), and
 * Open Badges 2.0 assertions (JSON or JWS) when the policy can verify them.
 */
function verifyCredentials(
  presentation: Record<string, unknown>,
  context: CredentialVerificationContext,
  options: PresentationOptions,
  policy: PresentationPolicy,
): Promise<CredentialReport[]> {
  const ob2 = policy.verifyOb2
    ? { verifyOb2: policy.verifyOb2, options: options.recipient ? { recipient: options.recipient } : {} }
    : undefined;
  return verifyEmbeddedCredentials(embeddedCredentials(presentation.verifiableCredential), context, ob2);
}

/** A presentation JWT's own `exp` and `nbf`, when it has them (the credentials' dates are checked separately). */
function jwtValidity(decoded: DecodedJwt, context: CredentialVerificationContext): CheckResult[] {
  const { exp, nbf } = decoded.payload;
  if (exp === undefined && nbf === undefined) return [];
  const now = context.now().getTime() / 1000;
  const skew = context.clockSkewSeconds;
  if (exp !== undefined && (typeof exp !== 'number' || exp + skew < now)) {
    return [result('validity', 'fail', Codes.expired, 'The presentation itself has expired (JWT exp).')];
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf - skew > now)) {
    return [result('validity', 'fail', Codes.notYetValid, 'The presentation is not valid yet (JWT nbf).')];
  }
  return [result('validity', 'pass', Codes.validityOk, 'The presentation is within its validity period.')];
}

function report(checks: CheckResult[], credentials: CredentialReport[], holder?: string): VerificationReport {
  const sorted = [...checks].sort((a, b) => ORDER.indexOf(a.check) - ORDER.indexOf(b.check));
  const verified = noFailures(sorted) && credentials.every((credential) => credential.verified);
  const out: VerificationReport = { verified, kind: 'presentation', checks: sorted, credentials };
  if (holder) out.holder = holder;
  return out;
}
