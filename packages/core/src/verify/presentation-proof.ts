import jsigs from 'jsonld-signatures';
import { type Code, Codes } from '../codes.js';
import { verificationSuites } from '../issue/cryptosuites.js';
import type { DocumentLoader } from '../loader/document-loader.js';
import { codeOfError, messageOfError } from './error-code.js';
import { checkJwtSignature, type DecodedJwt, type JwtKeyResolver } from './jwt-credential.js';
import { proofsOf } from './proof-data-integrity.js';
import { type CheckResult, result } from './report.js';

const SUPPORTED = new Set(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020']);

let suites: unknown[] | undefined;

/** The holder's proof check, and who signed: the DID controlling the proof's verification method. */
export interface PresentationProofOutcome {
  check: CheckResult;
  signer?: string;
}

/** The binding values a presentation carries, as written in its proof (DI) or claims (JWT). */
export interface PresentationBinding {
  challenge?: unknown;
  domain?: unknown;
}

/**
 * The holder's `authentication` proof on a Data Integrity presentation, or `undefined` when there is none.
 *
 * @example
 * authenticationProofOf(presentation)?.challenge; // the challenge the holder signed
 */
export function authenticationProofOf(
  presentation: Record<string, unknown>,
): Record<string, unknown> | undefined {
  return proofsOf(presentation).find((proof) => proof.proofPurpose === 'authentication');
}

/**
 * Verifies the holder's Data Integrity proof with jsonld-signatures, for the `authentication` purpose, so the key
 * must be listed under `authentication` by its controller. The signature covers the proof's `challenge` and
 * `domain`; the caller compares those with what it expects, which keeps "missing" and "different" apart.
 *
 * @example
 * const { check, signer } = await checkDataIntegrityPresentationProof(presentation, documentLoader);
 */
export async function checkDataIntegrityPresentationProof(
  presentation: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<PresentationProofOutcome> {
  const proofs = proofsOf(presentation);
  if (proofs.length === 0)
    return fail(Codes.holderProofInvalid, 'The presentation has no proof by its holder.');
  const proof = authenticationProofOf(presentation);
  if (!proof) {
    return fail(
      Codes.proofPurposeInvalid,
      'The presentation proof is not for authentication (proofPurpose must be authentication).',
    );
  }
  const suite = String(proof.cryptosuite ?? proof.type);
  if (!SUPPORTED.has(suite)) return fail(Codes.proofUnsupported, `The proof type ${suite} is not supported.`);
  const challenge = proof.challenge;
  const domain = typeof proof.domain === 'string' ? proof.domain : undefined;
  // Without a challenge AuthenticationProofPurpose cannot be built; the controller check is the same without it.
  const purpose =
    typeof challenge === 'string'
      ? new jsigs.purposes.AuthenticationProofPurpose({ challenge, domain })
      : new jsigs.purposes.ControllerProofPurpose({ term: 'authentication' });
  suites ??= verificationSuites();
  let outcome: Awaited<ReturnType<typeof jsigs.verify>>;
  try {
    outcome = await jsigs.verify(presentation, { suite: suites, purpose, documentLoader });
  } catch (error) {
    return failure(error);
  }
  const results = outcome.results ?? [];
  const bad = results.find((item) => !item.verified);
  if (!outcome.verified || bad || results.length === 0) return failure(bad?.error ?? outcome.error);
  const method = String(proof.verificationMethod ?? '');
  const controller = results[0]?.purposeResult?.controller?.id;
  const signer = typeof controller === 'string' ? controller : method.split('#')[0];
  return {
    check: result('proof', 'pass', Codes.proofOk, `The holder's signature (${suite}) by ${method} is valid.`),
    ...(signer ? { signer } : {}),
  };
}

/**
 * Verifies a `vp+jwt` (or VC 1.1 `vp` claim) presentation's signature with the holder's `authentication` key. The
 * key's `kid` must belong to the holder (`holder`, else `iss`).
 *
 * @example
 * const { check } = await checkJwtPresentationProof(jwt, decodeJwt(jwt, 'vp') as DecodedJwt, holder, resolver);
 */
export async function checkJwtPresentationProof(
  jwt: string,
  decoded: DecodedJwt,
  holder: string | undefined,
  resolver: JwtKeyResolver,
): Promise<PresentationProofOutcome> {
  const check = await checkJwtSignature(jwt, decoded, holder, resolver, 'authentication');
  if (check.outcome === 'pass') return { check, ...(holder ? { signer: holder } : {}) };
  // The shared JWT check speaks of issuers; for a presentation the signer is the holder.
  if (check.code === Codes.proofInvalid) return { check: { ...check, code: Codes.holderProofInvalid } };
  if (check.code === Codes.issuerMismatch) {
    const message = holder
      ? `The presentation is not signed by a key of its holder ${holder}.`
      : 'The presentation names no holder (holder or iss), so there is no key to check it with.';
    return { check: { ...check, code: holder ? Codes.holderMismatch : Codes.holderProofInvalid, message } };
  }
  return { check };
}

/**
 * The challenge and domain a JWT presentation is bound to: `nonce` and `aud` (a string or a list).
 *
 * @example
 * jwtBinding(decoded); // { challenge: payload.nonce, domain: payload.aud }
 */
export function jwtBinding(decoded: DecodedJwt): PresentationBinding {
  return { challenge: decoded.payload.nonce, domain: decoded.payload.aud };
}

function failure(error: unknown): PresentationProofOutcome {
  const message = messageOfError(error);
  let code = codeOfError(error, Codes.holderProofInvalid);
  if (code === Codes.holderProofInvalid) {
    if (/not authorized by controller|not authorized/i.test(message)) code = Codes.keyNotAuthorized;
    else if (/safe mode|undefined term|protected term|Invalid JSON-LD/i.test(message))
      code = Codes.contextInvalid;
  }
  const plain =
    code === Codes.holderProofInvalid
      ? `The holder's signature does not match the presentation: it was changed after signing (for example its challenge or a credential), or signed by another key (${message}).`
      : `The holder's signature could not be checked: ${message}`;
  return fail(code, plain);
}

function fail(code: Code, message: string): PresentationProofOutcome {
  return { check: result('proof', 'fail', code, message) };
}
