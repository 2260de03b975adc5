import { Codes } from '../codes.js';
import type { DocumentLoader } from '../loader/document-loader.js';
import { checkCredentialFormat, issuerIdOf } from './format-check.js';
import { checkIssuer, type IssuerPolicy } from './issuer-check.js';
import { checkJwtSignature, decodeJwt, type JwtKeyResolver, jwtClaimsConflict } from './jwt-credential.js';
import { checkDataIntegrityProof, type ProofOutcome, proofsOf } from './proof-data-integrity.js';
import type { ProofPool } from './proof-pool.js';
import type { ProofTask } from './proof-worker.js';
import { type CheckName, type CheckResult, type CredentialReport, noFailures, result } from './report.js';
import type { ResultCache } from './result-cache.js';
import { checkSchema } from './schema-check.js';
import type { StatusChecker } from './status-check.js';
import { summarise } from './summary.js';
import { urlKeyLoader } from './url-key-form.js';
import { checkValidity } from './validity-check.js';

/** Everything one credential verification needs, made once by `createVerifier`. */
export interface CredentialVerificationContext {
  documentLoader: DocumentLoader;
  resolver: JwtKeyResolver;
  now: () => Date;
  clockSkewSeconds: number;
  issuerPolicy: IssuerPolicy;
  checkStatus: StatusChecker;
  knownContexts: ReadonlySet<string>;
  /** Remembers proof and schema outcomes of content seen before (see result-cache.ts); absent = no caching. */
  resultCache?: ResultCache;
  /** Worker threads for Data Integrity proofs (only with the bundled-context loader); absent = this thread. */
  proofPool?: ProofPool;
}

const ORDER: CheckName[] = ['format', 'proof', 'validity', 'status', 'schema', 'issuer'];

/** Verifies one credential given as a JSON-LD object (Data Integrity) or a compact JWT. Never throws. */
export async function verifyCredentialInput(
  input: { kind: 'json'; document: Record<string, unknown> } | { kind: 'jwt'; jwt: string },
  context: CredentialVerificationContext,
): Promise<CredentialReport> {
  try {
    return input.kind === 'jwt'
      ? await verifyJwtCredential(input.jwt, context)
      : await verifyDataIntegrityCredential(input.document, context);
  } catch (error) {
    // A library failing in a way we did not foresee must still produce a report, not a crash.
    const check = result(
      'proof',
      'fail',
      Codes.proofInvalid,
      `Verification stopped: ${(error as Error).message}`,
    );
    return {
      verified: false,
      kind: 'credential',
      format: 'unknown',
      checks: [check],
      summary: { types: [], skills: [], status: 'none' },
    };
  }
}

async function verifyDataIntegrityCredential(
  credential: Record<string, unknown>,
  context: CredentialVerificationContext,
): Promise<CredentialReport> {
  const format = checkCredentialFormat(credential, 'VerifiableCredential', context.knownContexts);
  if (format.outcome === 'fail') return finish('di', [format], credential, context);
  const loader = urlKeyLoader(credential, context.documentLoader);
  const content = context.resultCache ? JSON.stringify(credential) : '';
  const proof = await dataIntegrityProof(credential, content, loader, context);
  const checks = [
    format,
    proof.check,
    ...(await contentChecks(credential, proof.verificationMethods, context, content)),
  ];
  return finish('di', checks, credential, context);
}

async function verifyJwtCredential(
  jwt: string,
  context: CredentialVerificationContext,
): Promise<CredentialReport> {
  const decoded = decodeJwt(jwt, 'vc');
  if ('check' in decoded) return finish('jwt', [decoded], undefined, context);
  const credential = decoded.document;
  const format = checkCredentialFormat(credential, 'VerifiableCredential', context.knownContexts);
  if (format.outcome === 'fail') return finish('jwt', [format], credential, context);
  const issuerId = issuerIdOf(credential);
  let proof = await checkJwtSignature(jwt, decoded, issuerId, context.resolver, 'assertionMethod');
  const conflict = proof.outcome === 'pass' ? jwtClaimsConflict(decoded, issuerId) : undefined;
  if (conflict) proof = result('proof', 'fail', Codes.jwtClaimsMismatch, conflict);
  const kid = typeof decoded.header.kid === 'string' ? [decoded.header.kid] : [];
  const checks = [format, proof, ...(await contentChecks(credential, kid, context, jwt, decoded.payload))];
  return finish('jwt', checks, credential, context);
}

/**
 * The Data Integrity proof check: answered from the result cache when this exact credential was verified before
 * against the same resolved keys, otherwise run here or on the proof pool's worker threads. Keys that cannot be
 * resolved up front (e.g. the OB `<url>#<key>` form) skip both and are checked here in full.
 */
async function dataIntegrityProof(
  credential: Record<string, unknown>,
  content: string,
  loader: DocumentLoader,
  context: CredentialVerificationContext,
): Promise<ProofOutcome> {
  const check = () => checkDataIntegrityProof(credential, loader);
  const { resultCache: cache, proofPool: pool } = context;
  if (!cache && !pool) return check();
  const methods = await resolveProofMethods(credential, context);
  if (!methods) return check();
  const run = pool ? () => pool.check({ credential, methods }, check) : check;
  if (!cache) return run();
  const keys = Object.values(methods).map((entry) => entry.method);
  return cache.remember(cache.keyOf('di-proof', content, keys), run);
}

/** The verification method of every proof, resolved for assertion; `undefined` when any is not a usable DID URL. */
async function resolveProofMethods(
  credential: Record<string, unknown>,
  context: CredentialVerificationContext,
): Promise<ProofTask['methods'] | undefined> {
  const methods: ProofTask['methods'] = {};
  for (const proof of proofsOf(credential)) {
    const id = proof.verificationMethod;
    if (typeof id !== 'string' || !id.startsWith('did:')) return undefined;
    try {
      methods[id] = await context.resolver.resolveVerificationMethod(id, { purpose: 'assertionMethod' });
    } catch {
      return undefined;
    }
  }
  return methods;
}

/** The checks after the proof. `content` is the exact credential text, the cache key for the schema outcome. */
async function contentChecks(
  credential: Record<string, unknown>,
  verificationMethods: string[],
  context: CredentialVerificationContext,
  content: string,
  jwtClaims: Record<string, unknown> = {},
): Promise<CheckResult[]> {
  const cache = context.resultCache;
  return [
    checkValidity(credential, { now: context.now(), clockSkewSeconds: context.clockSkewSeconds }, jwtClaims),
    await context.checkStatus(credential),
    cache
      ? await cache.remember(cache.keyOf('schema', content), () => checkSchema(credential))
      : checkSchema(credential),
    checkIssuer(credential, verificationMethods, context.issuerPolicy),
  ];
}

function finish(
  format: CredentialReport['format'],
  checks: CheckResult[],
  credential: Record<string, unknown> | undefined,
  context: CredentialVerificationContext,
): CredentialReport {
  const sorted = [...checks].sort((a, b) => ORDER.indexOf(a.check) - ORDER.indexOf(b.check));
  const issuerId = credential ? issuerIdOf(credential) : undefined;
  const entry = issuerId ? context.issuerPolicy.registry?.lookup(issuerId) : undefined;
  const registryName = context.issuerPolicy.registry?.name ?? '';
  const summary = credential
    ? summarise(credential, entry ? { name: entry.name, registryName } : undefined)
    : { types: [], skills: [], status: 'none' as const };
  summary.status = statusOfChecks(sorted);
  const report: CredentialReport = {
    verified: noFailures(sorted),
    kind: 'credential',
    format,
    checks: sorted,
    summary,
  };
  if (credential) report.credential = credential;
  return report;
}

function statusOfChecks(checks: CheckResult[]): CredentialReport['summary']['status'] {
  const status = checks.find((check) => check.check === 'status');
  if (!status) return 'unchecked';
  if (status.code === Codes.revoked) return 'revoked';
  if (status.code === Codes.suspended) return 'suspended';
  if (status.code === Codes.statusNone) return 'none';
  return status.outcome === 'pass' ? 'verified' : 'unchecked';
}
