import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { Codes } from '../codes.js';
import { verificationSuites } from '../issue/cryptosuites.js';
import type { DocumentLoader } from '../loader/document-loader.js';
import { codeOfError, messageOfError } from './error-code.js';
import { type CheckResult, result } from './report.js';

const SUPPORTED = new Set(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'ecdsa-sd-2023', 'Ed25519Signature2020']);

/** The verification suites, made on first use, with and without remembered proof options. */
const suitesByMemory = new Map<boolean, unknown[]>();

function suitesFor(rememberProofOptions: boolean): unknown[] {
  let suites = suitesByMemory.get(rememberProofOptions);
  if (!suites) {
    suites = verificationSuites({ rememberProofOptions });
    suitesByMemory.set(rememberProofOptions, suites);
  }
  return suites;
}

export interface ProofOutcome {
  check: CheckResult;
  /** Verification method ids of the proofs, for the issuer check. */
  verificationMethods: string[];
}

/** The proofs of a JSON-LD document, as a list (a single proof and a proof set read alike). */
export function proofsOf(document: Record<string, unknown>): Array<Record<string, unknown>> {
  const proof = document.proof;
  if (!proof) return [];
  return (Array.isArray(proof) ? proof : [proof]).filter(
    (item): item is Record<string, unknown> => !!item && typeof item === 'object',
  );
}

/**
 * Verifies every Data Integrity proof on a credential with jsonld-signatures and the @digitalbazaar cryptosuites,
 * for the `assertionMethod` purpose and with the issuer as the key's controller. Every proof must verify: a
 * proof set with one bad proof fails (jsonld-signatures alone would accept any one good proof).
 * `rememberProofOptions` (bundled contexts only) canonicalizes proof options seen before once: a cohort's
 * credentials, signed in one batch, share them.
 */
export async function checkDataIntegrityProof(
  credential: Record<string, unknown>,
  documentLoader: DocumentLoader,
  options: { rememberProofOptions?: boolean } = {},
): Promise<ProofOutcome> {
  const proofs = proofsOf(credential);
  const verificationMethods = proofs
    .map((proof) => proof.verificationMethod)
    .filter((id): id is string => typeof id === 'string');
  const declared = credential.proof;
  const entries = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  if (entries.length !== proofs.length) {
    // A proof set padded with non-proofs: nothing signs them, so they could only confuse another reader.
    return {
      check: result(
        'proof',
        'fail',
        Codes.proofInvalid,
        'The proof set has an entry that is not a proof object.',
      ),
      verificationMethods,
    };
  }
  if (proofs.length === 0) {
    return {
      check: result('proof', 'fail', Codes.proofMissing, 'The credential has no proof.'),
      verificationMethods,
    };
  }
  const unsupported = proofs.find((proof) => !SUPPORTED.has(String(proof.cryptosuite ?? proof.type)));
  if (unsupported) {
    const name = String(unsupported.cryptosuite ?? unsupported.type);
    return {
      check: result('proof', 'fail', Codes.proofUnsupported, `The proof type ${name} is not supported.`),
      verificationMethods,
    };
  }
  const suite = suitesFor(options.rememberProofOptions === true);
  const purpose = new vc.CredentialIssuancePurpose();
  let outcome: Awaited<ReturnType<typeof jsigs.verify>>;
  try {
    outcome = await jsigs.verify(credential, { suite, purpose, documentLoader });
  } catch (error) {
    return { check: failure(error), verificationMethods };
  }
  const results = outcome.results ?? [];
  const bad = results.find((item) => !item.verified);
  if (outcome.verified && !bad && results.length === proofs.length) {
    const names = [...new Set(proofs.map((proof) => String(proof.cryptosuite ?? proof.type)))].join(', ');
    return {
      check: result('proof', 'pass', Codes.proofOk, `The signature (${names}) is valid.`),
      verificationMethods,
    };
  }
  if (outcome.verified || results.length > 0) {
    if (results.length < proofs.length) {
      return {
        check: result(
          'proof',
          'fail',
          Codes.proofPurposeInvalid,
          'A proof is not for assertion (proofPurpose must be assertionMethod).',
        ),
        verificationMethods,
      };
    }
    return { check: failure(bad?.error ?? outcome.error), verificationMethods };
  }
  return { check: failure(outcome.error), verificationMethods };
}

function failure(error: unknown): CheckResult {
  const message = messagesOf(error).join(' / ') || messageOfError(error);
  let code = codeOfError(error, Codes.proofInvalid);
  if (code === Codes.proofInvalid) {
    if (/No matching proofs|insufficient proofs matched/i.test(message)) code = Codes.proofPurposeInvalid;
    else if (/issuer.*must match|controller/i.test(message) && /issuer/i.test(message))
      code = Codes.issuerMismatch;
    else if (/not authorized|verification method .* not found in/i.test(message))
      code = Codes.keyNotAuthorized;
    else if (/safe mode|undefined term|protected term|Invalid JSON-LD|jsonld/i.test(message)) {
      code = Codes.contextInvalid;
    }
  }
  return result('proof', 'fail', code, plainProofMessage(code, message));
}

/**
 * The specific messages inside an error: jsonld-signatures reports "Verification error(s)." with the reasons in
 * `errors`, and jsonld wraps causes in `details`.
 */
function messagesOf(error: unknown): string[] {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && messages.length < 10) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { message, errors, cause, details } = current as {
      message?: unknown;
      errors?: unknown;
      cause?: unknown;
      details?: { cause?: unknown };
    };
    const nested = [...(Array.isArray(errors) ? errors : []), cause, details?.cause];
    if (typeof message === 'string' && message !== 'Verification error(s).') messages.push(message);
    queue.push(...nested);
  }
  return [...new Set(messages)];
}

function plainProofMessage(code: string, detail: string): string {
  switch (code) {
    case Codes.proofInvalid:
      return `The signature does not match the content: the credential was changed after signing, or signed by another key (${detail}).`;
    case Codes.issuerMismatch:
      return `The signing key does not belong to the credential's issuer (${detail}).`;
    case Codes.keyNotAuthorized:
      return `The signing key is not authorised by its DID document for issuing credentials (${detail}).`;
    case Codes.contextUnknown:
      return `The credential uses a JSON-LD context that is not bundled; remote contexts are never fetched (${detail}).`;
    case Codes.contextInvalid:
      return `The credential's JSON-LD is not valid or uses terms its contexts do not define (${detail}).`;
    default:
      return `The signature could not be checked: ${detail}`;
  }
}
