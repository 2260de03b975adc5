import {
  type ChallengeStore,
  createSafeFetch,
  createVerifier,
  type SafeFetch,
  type TrustRegistry,
  type Verify,
} from '@skills-passport/core';
import { createSelfFetch, type InProcessRequest } from './self-fetch.js';

export interface ServiceVerifierOptions {
  /** The service's public URL: status lists and did:web documents under it are answered in-process. */
  publicUrl: string;
  /** Answers a request in-process (`(path, init) => app.request(path, init)`). */
  request: InProcessRequest;
  /** Fetch for everything else (default: core's safe fetch, https and public addresses only); `false` = none. */
  outboundFetch?: SafeFetch | false;
  trustRegistry?: TrustRegistry;
  requireTrustedIssuer?: boolean;
  /** Seconds a fetched status list is trusted before asking again (default 30, the service's own max-age). */
  statusMaxAgeSeconds?: number;
  /**
   * Challenges this service issued: a presentation's challenge is then used up once its proof verifies (any
   * instance sharing the store rejects the replay). Leave it out for the page, which verifies passports made for
   * other verifiers' challenges.
   */
  challengeStore?: ChallengeStore;
  /**
   * What a status list that cannot be fetched (host down, timeout, HTTP error) means: `warn` (default: the
   * credential verifies with a `status-list-unreachable` warning) or `fail` (it does not verify: 422).
   */
  statusUnreachable?: 'warn' | 'fail';
  /** Fewest entries a Bitstring Status List may have (default the spec's 131,072). For tests with small lists only. */
  minimumStatusListBits?: number;
  /** Proof worker threads (core's default when absent). */
  proofWorkers?: number;
  /**
   * How long an idle proof worker lives, in ms (default 30,000: a service runs for long, so a burst after a pause
   * finds its workers running instead of waiting about 350 ms for one to start).
   */
  proofWorkerIdleMs?: number;
  now?: () => Date;
}

const SERVICE_WORKER_IDLE_MS = 30_000;

/**
 * The verifier the service runs: core's `createVerifier`, with status lists and DID documents of this service
 * answered by the app itself (so its own credentials verify even on `http://localhost`) and everything else
 * over the safe fetch.
 *
 * @example
 * let app: Hono | undefined;
 * const verify = createServiceVerifier({ publicUrl, request: (path, init) => app!.request(path, init) });
 * app = createApp({ verify, ... });
 */
export function createServiceVerifier(options: ServiceVerifierOptions): Verify {
  const fallback = options.outboundFetch === false ? undefined : (options.outboundFetch ?? createSafeFetch());
  const safeFetch = createSelfFetch(options.publicUrl, options.request, fallback);
  return createVerifier({
    resolverOptions: { safeFetch },
    statusOptions: {
      maxAgeSeconds: options.statusMaxAgeSeconds ?? 30,
      ...(options.statusUnreachable ? { unreachable: options.statusUnreachable } : {}),
      ...(options.minimumStatusListBits !== undefined
        ? { minimumListBits: options.minimumStatusListBits }
        : {}),
    },
    ...(options.trustRegistry ? { trustRegistry: options.trustRegistry } : {}),
    ...(options.requireTrustedIssuer !== undefined
      ? { requireTrustedIssuer: options.requireTrustedIssuer }
      : {}),
    ...(options.challengeStore ? { challengeStore: options.challengeStore } : {}),
    ...(options.proofWorkers !== undefined ? { proofWorkers: options.proofWorkers } : {}),
    proofWorkerIdleMs: options.proofWorkerIdleMs ?? SERVICE_WORKER_IDLE_MS,
    ...(options.now ? { now: options.now } : {}),
  });
}
