import { compileSchema } from '@skills-passport/schemas';
import { isImage } from '../bake/image-type.js';
import { unbake } from '../bake/unbake.js';
import type { ChallengeStore } from '../challenges/challenge-store.js';
import { Codes } from '../codes.js';
import { createDidResolver, type DidResolverOptions } from '../dids/did-resolver.js';
import { createDocumentLoader, type DocumentLoader } from '../loader/document-loader.js';
import { createSafeFetch } from '../net/safe-fetch.js';
import { assertionUrlInput, type Ob2Input, ob2InputOf } from '../ob2/ob2-input.js';
import { createOb2Verifier } from '../ob2/verify-ob2-assertion.js';
import { createStatusChecker, type StatusCheckerOptions } from '../status/status-checker.js';
import type { TrustRegistry } from '../trust/trust-registry.js';
import { messageOfError } from './error-code.js';
import type { ExpectedRecipient } from './identity-hash.js';
import {
  DEFAULT_INPUT_LIMITS,
  type InputLimits,
  type ParsedInput,
  parseInput,
  parseText,
  type VerifyInput,
} from './input.js';
import type { JwtKeyResolver } from './jwt-credential.js';
import { createProofPool } from './proof-pool.js';
import { type CheckResult, type CredentialReport, result, type VerificationReport } from './report.js';
import { createResultCache, type ResultCacheOptions } from './result-cache.js';
import { createSchemaFetcher } from './schema-fetcher.js';
import type { StatusChecker } from './status-check.js';
import { type CredentialVerificationContext, verifyCredentialInput } from './verify-credential.js';
import {
  isPresentation,
  type PresentationOptions,
  type PresentationPolicy,
  verifyPresentationInput,
} from './verify-presentation.js';

export interface VerifierOptions {
  /** Recognised issuers; without one every issuer is reported as not recognised (a warning). */
  trustRegistry?: TrustRegistry;
  /** Fail, rather than warn, when the issuer is not in the registry. */
  requireTrustedIssuer?: boolean;
  /** The clock (default: the system clock). */
  now?: () => Date;
  /** Forgiven clock difference for validity dates, in seconds (default 60). */
  clockSkewSeconds?: number;
  /** Resolves DIDs; default: did:key offline and did:web over the safe fetch. */
  resolver?: JwtKeyResolver & { resolve(did: string): Promise<object> };
  /** Options for the default resolver (fetch, timeouts, size limits, private addresses). */
  resolverOptions?: DidResolverOptions;
  /** Offline JSON-LD loader; default: bundled contexts plus the resolver for DIDs. */
  documentLoader?: DocumentLoader;
  /**
   * Checks credentialStatus; default: Bitstring Status Lists fetched over the safe fetch (https, public hosts),
   * verified with this verifier's resolver and loader, configured by `statusOptions`.
   */
  checkStatus?: StatusChecker;
  /** Options of the default status checker (cache age, unreachable policy, fetch); ignored with `checkStatus`. */
  statusOptions?: StatusCheckerOptions;
  /** Input limits (bytes, JSON depth). */
  limits?: Partial<InputLimits>;
  /**
   * Remember proof and schema outcomes of credentials seen before (default 10,000 entries; `{ maxEntries: 0 }`
   * turns it off). Validity, status and issuer are checked on every call regardless.
   */
  resultCache?: ResultCacheOptions;
  /**
   * Worker threads for Data Integrity proofs when several are checked at once (a passport, concurrent requests);
   * default one fewer than the cores (at least 1), `0` = off. Only used with the default document loader, since a
   * custom loader cannot be sent to another thread.
   */
  proofWorkers?: number;
  /**
   * How long an idle proof worker lives, in ms (default 1,000, so its memory is given back soon after a burst;
   * idle workers never keep the process alive). A long-running service can keep workers longer, so the first
   * burst after a pause does not wait for a thread to start.
   */
  proofWorkerIdleMs?: number;
  /**
   * Challenges this verifier issued (`createMemoryChallengeStore()`, or the store package's store): a
   * presentation's challenge is then used up once its proof verifies, and a replay fails `challenge-reused`.
   */
  challengeStore?: ChallengeStore;
  /**
   * Fetch `credentialSchema` schemas (`1EdTechJsonSchemaValidator2019`, `JsonSchema`) that are not bundled, through
   * the same safe fetch as DID documents (https, public hosts, time and size limits), compile each once and keep
   * it (default false: such schemas are reported `schema-unknown`, skipped, and nothing is fetched).
   */
  allowSchemaFetch?: boolean;
  /**
   * Follow an OB 3.0 `refreshService` (`1EdTechCredentialRefresh`): once a credential's proof verifies, GET its
   * refresh URL once through the safe fetch and verify the issuer's current copy in its place, reporting
   * `credential-refreshed` (or `refresh-failed`, verifying the copy presented). Default false: no surprise fetches.
   */
  refresh?: boolean;
}

export interface VerifyCallOptions extends PresentationOptions {
  /**
   * The identity (email, URL, phone) the badge should have been issued to, checked as `recipient`: against an
   * OB 2.0 assertion's `recipient`, or an OB 3.0 credential's `credentialSubject.identifier` (see
   * docs/open-badges-3.md). In a presentation it applies to the OB 2.0 badges carried as evidence only: the OB 3.0
   * credentials inside are bound to the holder instead.
   */
  recipient?: ExpectedRecipient | string;
}

export type Verify = (input: VerifyInput, options?: VerifyCallOptions) => Promise<VerificationReport>;

/**
 * Builds a configured `verify` once (resolver, loader, registry, clock, caches) for many verifications.
 *
 * @example
 * const verify = createVerifier({ trustRegistry, requireTrustedIssuer: true });
 * const report = await verify(jwtOrJson);
 * if (!report.verified) console.log(report.checks.filter((c) => c.outcome === 'fail'));
 */
export function createVerifier(options: VerifierOptions = {}): Verify {
  // One safe fetch for every outbound request this verifier makes (DID documents, OB 2.0 documents, schemas,
  // refreshed credentials), so one injected fetch or one set of limits governs them all.
  const safeFetch = options.resolverOptions?.safeFetch ?? createSafeFetch(options.resolverOptions ?? {});
  const resolver = options.resolver ?? createDidResolver({ ...options.resolverOptions, safeFetch });
  const documentLoader = options.documentLoader ?? createDocumentLoader({ resolver });
  const resultCache = createResultCache(options.resultCache);
  const context: CredentialVerificationContext = {
    documentLoader,
    resolver,
    now: options.now ?? (() => new Date()),
    clockSkewSeconds: options.clockSkewSeconds ?? 60,
    issuerPolicy: { registry: options.trustRegistry, requireTrustedIssuer: options.requireTrustedIssuer },
    checkStatus:
      options.checkStatus ??
      createStatusChecker({
        resolver,
        documentLoader,
        ...(options.resolverOptions?.safeFetch ? { safeFetch: options.resolverOptions.safeFetch } : {}),
        ...(options.resolverOptions ? { fetchOptions: options.resolverOptions } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...options.statusOptions,
      }),
    knownContexts: new Set(),
    resultCache,
    proofPool: options.documentLoader ? undefined : createProofPool(options),
    rememberProofOptions: !options.documentLoader && resultCache.keeps,
  };
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...options.limits };
  if (options.allowSchemaFetch) {
    context.fetchSchema = createSchemaFetcher({ safeFetch, compile: compileSchema });
  }
  if (options.refresh) context.refresh = { safeFetch, limits };
  // Open Badges 2.0 (issue 12): hosted and signed assertions, fetched through the same safe fetch as DID documents.
  const verifyOb2 = createOb2Verifier({
    safeFetch,
    now: context.now,
    clockSkewSeconds: context.clockSkewSeconds,
    issuerPolicy: context.issuerPolicy,
    ...(options.statusOptions?.unreachable ? { unreachable: options.statusOptions.unreachable } : {}),
  });
  // OB 2.0 assertions inside a presentation are verified too, as evidence only (they cannot be holder-bound).
  const presentationPolicy: PresentationPolicy = {
    verifyOb2,
    ...(options.challengeStore ? { challengeStore: options.challengeStore } : {}),
  };

  return async function verify(input, callOptions = {}) {
    try {
      const read = readInput(input, limits);
      // Open Badges 2.0 (issue 12): an assertion URL, an OB 2.0 assertion, or a JWS of one.
      if (read.kind === 'ob2-url') return singleReport(await verifyOb2(read, callOptions));
      const parsed = read;
      const ob2 = ob2InputOf(parsed);
      if (ob2) return singleReport(await verifyOb2(ob2, callOptions));
      if (parsed.kind === 'invalid') return invalidReport(parsed.check);
      if (parsed.kind === 'bytes')
        return invalidReport(result('format', 'fail', Codes.inputNotJson, 'Unreadable input.'));
      if (isPresentation(parsed))
        return await verifyPresentationInput(parsed, context, callOptions, presentationPolicy);
      const credentialOptions =
        callOptions.recipient === undefined ? {} : { recipient: callOptions.recipient };
      return singleReport(await verifyCredentialInput(parsed, context, credentialOptions));
    } catch (error) {
      return invalidReport(
        result('format', 'fail', Codes.inputNotJson, `The input could not be read: ${messageOfError(error)}`),
      );
    }
  };
}

/** Bytes are either a baked badge image or UTF-8 text; text is JSON, a JWT, or an OB 2.0 assertion URL. */
function readInput(
  input: VerifyInput,
  limits: InputLimits,
): ParsedInput | Extract<Ob2Input, { kind: 'ob2-url' }> {
  const assertionUrl = typeof input === 'string' ? assertionUrlInput(input) : undefined;
  if (assertionUrl) return assertionUrl;
  const parsed = parseInput(input, limits);
  if (parsed.kind !== 'bytes') return parsed;
  const bytes = parsed.bytes;
  if (isImage(bytes)) {
    let badge: ReturnType<typeof unbake>;
    try {
      badge = unbake(bytes);
    } catch (error) {
      const code = (error as { code?: CheckResult['code'] }).code ?? Codes.imageInvalid;
      return { kind: 'invalid', check: result('format', 'fail', code, messageOfError(error)) };
    }
    if (!badge) {
      return {
        kind: 'invalid',
        check: result('format', 'fail', Codes.imageNoCredential, 'The image holds no baked credential.'),
      };
    }
    return assertionUrlInput(badge.payload) ?? parseText(badge.payload, limits);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      kind: 'invalid',
      check: result('format', 'fail', Codes.inputNotJson, 'The input is not UTF-8 text or a badge image.'),
    };
  }
  return assertionUrlInput(text) ?? parseText(text, limits);
}

function singleReport(report: CredentialReport): VerificationReport {
  return { verified: report.verified, kind: 'credential', checks: report.checks, credentials: [report] };
}

function invalidReport(check: CheckResult): VerificationReport {
  return { verified: false, kind: 'credential', checks: [check], credentials: [] };
}

let defaultVerify: Verify | undefined;

/**
 * Verifies a credential or presentation with the default verifier (offline contexts, did:key and did:web, no
 * trust registry). For repeated use or custom policy, make one with `createVerifier`.
 *
 * @example
 * const report = await verify(await readFile('credential.json', 'utf8'));
 * report.verified; // true or false, with report.checks saying why
 */
export const verify: Verify = (input, options) => {
  defaultVerify ??= createVerifier();
  return defaultVerify(input, options);
};
