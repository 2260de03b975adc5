import { setImmediate as nextTurn } from 'node:timers/promises';
import { Codes } from '../codes.js';
import type { DocumentLoader } from '../loader/document-loader.js';
import { verifyEndorsements } from './endorsements.js';
import { checkCredentialFormat, issuerIdOf } from './format-check.js';
import { checkIdentifierRecipient } from './identifier-recipient.js';
import type { ExpectedRecipient } from './identity-hash.js';
import { checkIssuer, type IssuerPolicy } from './issuer-check.js';
import { credentialOfJwt, jwtClaimsConflict } from './jwt-claims.js';
import {
  checkJwtSignature,
  type DecodedJwt,
  decodeJwt,
  type JwtKeyResolver,
  peekJwt,
} from './jwt-credential.js';
import { checkDataIntegrityProof, type ProofOutcome, proofsOf } from './proof-data-integrity.js';
import { type ProofPool, resolveProofMethods } from './proof-pool.js';
import { type RefreshOptions, refreshCredential, refreshServiceUrlOf } from './refresh-service.js';
import {
  type CheckName,
  type CheckResult,
  type CredentialReport,
  noFailures,
  result,
  withCheck,
} from './report.js';
import type { ResultCache } from './result-cache.js';
import { checkDeclaredSchemas } from './schema-check.js';
import type { SchemaFetcher } from './schema-fetcher.js';
import { unbundledSchemasOf } from './schema-kinds.js';
import type { StatusChecker } from './status-check.js';
import { summarise, summaryStatusOf } from './summary.js';
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
  /**
   * Canonicalize the proof options of Data Integrity proofs seen before once (remembering-proof-options.ts): only
   * with the bundled-context loader, and only while the result cache keeps anything.
   */
  rememberProofOptions?: boolean;
  /** Fetches `credentialSchema` schemas we do not bundle; absent (the default) = never fetched, reported skipped. */
  fetchSchema?: SchemaFetcher;
  /** Follow a verified credential's `1EdTechCredentialRefresh` service; absent (the default) = never. */
  refresh?: RefreshOptions;
}

/** What one call asks of a credential beyond the verifier's settings. */
export interface CredentialCallOptions {
  /** The identity the credential should have been issued to (OB 3.0 `credentialSubject.identifier`). */
  recipient?: ExpectedRecipient | string;
}

/** Which of the follow-up verifications run: both for the credential sent, neither for an endorsement. */
interface Depth {
  refresh: boolean;
  endorsements: boolean;
}

const ORDER: CheckName[] = [
  'format',
  'proof',
  'validity',
  'status',
  'schema',
  'issuer',
  'recipient',
  'refresh',
  'endorsement',
];

type CredentialInput = { kind: 'json'; document: Record<string, unknown> } | { kind: 'jwt'; jwt: string };

/**
 * Verifies one credential given as a JSON-LD object (Data Integrity) or a compact JWT: its own checks, then (when
 * the verifier was made with `refresh: true`) its refreshed copy in its place, then its OB 3.0 endorsements, each
 * verified once without going further (no endorsements of endorsements, no refresh of a refreshed copy). Never
 * throws.
 *
 * @example
 * const report = await verifyCredentialInput(parseInput(credential), context, { recipient: 'sam@example.org' });
 */
export function verifyCredentialInput(
  input: CredentialInput,
  context: CredentialVerificationContext,
  options: CredentialCallOptions = {},
): Promise<CredentialReport> {
  return verifyAtDepth(input, context, options, { refresh: true, endorsements: true });
}

async function verifyAtDepth(
  input: CredentialInput,
  context: CredentialVerificationContext,
  options: CredentialCallOptions,
  depth: Depth,
): Promise<CredentialReport> {
  const report = await verifyOwnChecks(input, context, options);
  const credential = report.credential;
  if (!credential) return report;
  const refreshUrl = depth.refresh && context.refresh ? refreshServiceUrlOf(credential) : undefined;
  const proofPassed = report.checks.some((check) => check.check === 'proof' && check.outcome === 'pass');
  let current = report;
  if (refreshUrl && proofPassed && context.refresh) {
    const refreshed = await refreshCredential(report, refreshUrl, context.refresh, (next) =>
      verifyAtDepth(next, context, options, { ...depth, refresh: false }),
    );
    current = { ...refreshed, checks: sortChecks(refreshed.checks) };
    // A refreshed copy was verified at the next depth, endorsements included: nothing more to do.
    if (current.refreshedFrom) return current;
  }
  return depth.endorsements ? withEndorsements(current, context) : current;
}

/** The credential's endorsements, each verified on its own, listed in the report with a summary check. */
async function withEndorsements(
  report: CredentialReport,
  context: CredentialVerificationContext,
): Promise<CredentialReport> {
  const { endorsements, check } = await verifyEndorsements(report.credential ?? {}, (input) =>
    verifyAtDepth(input, context, {}, { refresh: false, endorsements: false }),
  );
  if (!check) return report;
  const sorted = sortChecks(withCheck(report, check).checks);
  return { ...report, checks: sorted, verified: noFailures(sorted), endorsements };
}

async function verifyOwnChecks(
  input: CredentialInput,
  context: CredentialVerificationContext,
  options: CredentialCallOptions,
): Promise<CredentialReport> {
  try {
    return input.kind === 'jwt'
      ? await verifyJwtCredential(input.jwt, context, options)
      : await verifyDataIntegrityCredential(input.document, context, options);
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
  options: CredentialCallOptions,
): Promise<CredentialReport> {
  const format = checkCredentialFormat(credential, 'VerifiableCredential', context.knownContexts);
  if (format.outcome === 'fail') return finish('di', [format], credential, context);
  const loader = urlKeyLoader(credential, context.documentLoader);
  const content = context.resultCache ? JSON.stringify(credential) : '';
  const proof = await dataIntegrityProof(credential, content, loader, context);
  const checks = [
    format,
    proof.check,
    ...(await contentChecks(credential, proof.verificationMethods, context, options, content)),
  ];
  return finish('di', checks, credential, context);
}

async function verifyJwtCredential(
  jwt: string,
  context: CredentialVerificationContext,
  options: CredentialCallOptions,
): Promise<CredentialReport> {
  // Routing has already read this token: its shared read-only parse is enough to find the key and start the
  // signature check. The report's own copy is parsed after that, while the signature is being checked.
  const peeked = peekJwt(jwt, 'vc');
  if ('check' in peeked) return finish('jwt', [peeked], undefined, context);
  const seen = credentialOfJwt(peeked);
  const format = checkCredentialFormat(seen, 'VerifiableCredential', context.knownContexts);
  if (format.outcome === 'fail') return finish('jwt', [format], ownCredentialOf(jwt), context);
  const issuerId = issuerIdOf(seen);
  const kid = typeof peeked.header.kid === 'string' ? [peeked.header.kid] : [];
  // The signature check hands its work to a thread of Node's pool (WebCrypto). The other checks never depend on
  // its outcome, so they wait one event-loop turn, by which time that work has been handed over, and run meanwhile.
  const signature = checkJwtSignature(jwt, peeked, issuerId, context.resolver, 'assertionMethod');
  const content = nextTurn().then(async () => {
    const credential = ownCredentialOf(jwt);
    const checks = await contentChecks(credential, kid, context, options, jwt, peeked.payload);
    return { credential, checks, summary: summaryOf(credential, context) };
  });
  let [proof, { credential, checks, summary }] = await Promise.all([signature, content]);
  const conflict = proof.outcome === 'pass' ? jwtClaimsConflict(peeked, issuerId) : undefined;
  if (conflict) proof = result('proof', 'fail', Codes.jwtClaimsMismatch, conflict);
  return finish('jwt', [format, proof, ...checks], credential, context, summary);
}

/** The credential a well-formed JWT carries, as the caller's own copy (it goes into the report). */
function ownCredentialOf(jwt: string): Record<string, unknown> {
  return credentialOfJwt(decodeJwt(jwt, 'vc') as DecodedJwt);
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
  const { resultCache: cache, proofPool: pool, rememberProofOptions = false } = context;
  const check = () => checkDataIntegrityProof(credential, loader, { rememberProofOptions });
  if (!cache && !pool) return check();
  const methods = await resolveProofMethods(proofsOf(credential), context.resolver, 'assertionMethod');
  if (!methods) return check();
  const run = pool ? () => pool.run({ credential, methods, rememberProofOptions }, check) : check;
  if (!cache) return run();
  const keys = Object.values(methods).map((entry) => entry.method);
  return cache.remember(cache.keyOf('di-proof', content, keys), run);
}

/** The checks after the proof. `content` is the exact credential text, the cache key for the schema outcome. */
async function contentChecks(
  credential: Record<string, unknown>,
  verificationMethods: string[],
  context: CredentialVerificationContext,
  options: CredentialCallOptions,
  content: string,
  jwtClaims: Record<string, unknown> = {},
): Promise<CheckResult[]> {
  const recipient = checkIdentifierRecipient(credential, options.recipient);
  return [
    checkValidity(credential, { now: context.now(), clockSkewSeconds: context.clockSkewSeconds }, jwtClaims),
    await context.checkStatus(credential),
    await schemaCheck(credential, context, content),
    checkIssuer(credential, verificationMethods, context.issuerPolicy),
    ...(recipient ? [recipient] : []),
  ];
}

/**
 * The schema check, remembered by content. Not remembered when a declared schema is fetched: a fetch that failed
 * once must be tried again, and the compiled schema is already kept by the schema fetcher.
 */
async function schemaCheck(
  credential: Record<string, unknown>,
  context: CredentialVerificationContext,
  content: string,
): Promise<CheckResult> {
  const { resultCache: cache, fetchSchema } = context;
  const fetches = fetchSchema !== undefined && unbundledSchemasOf(credential).length > 0;
  if (!cache || fetches) return checkDeclaredSchemas(credential, fetchSchema);
  return cache.remember(cache.keyOf('schema', content), () => checkDeclaredSchemas(credential));
}

function finish(
  format: CredentialReport['format'],
  checks: CheckResult[],
  credential: Record<string, unknown> | undefined,
  context: CredentialVerificationContext,
  summary = credential ? summaryOf(credential, context) : undefined,
): CredentialReport {
  const sorted = sortChecks(checks);
  const report: CredentialReport = {
    verified: noFailures(sorted),
    kind: 'credential',
    format,
    checks: sorted,
    summary: summary ?? { types: [], skills: [], status: 'none' },
  };
  report.summary.status = summaryStatusOf(sorted);
  if (credential) report.credential = credential;
  return report;
}

/** The report's summary of a credential, naming the registry entry of a recognised issuer; status comes later. */
function summaryOf(
  credential: Record<string, unknown>,
  context: CredentialVerificationContext,
): CredentialReport['summary'] {
  const issuerId = issuerIdOf(credential);
  const entry = issuerId ? context.issuerPolicy.registry?.lookup(issuerId) : undefined;
  const registryName = context.issuerPolicy.registry?.name ?? '';
  return summarise(credential, entry ? { name: entry.name, registryName } : undefined);
}

function sortChecks(checks: CheckResult[]): CheckResult[] {
  return [...checks].sort((a, b) => ORDER.indexOf(a.check) - ORDER.indexOf(b.check));
}
