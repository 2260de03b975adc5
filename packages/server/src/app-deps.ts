import type {
  ChallengeStore,
  IssuerProfile,
  IssuerService,
  matchRequirements,
  Verify,
} from '@skills-passport/core';
import type { Context } from 'hono';
import type { ApiKeyRing } from './api-keys.js';
import type { InsightsDeps } from './routes/insights.js';

/**
 * What the app needs of core's issuer service (`createIssuerService`): everything but creating issuers, which
 * is an operator's job (`main.ts`, the CLI), not an HTTP client's.
 */
export type IssuerServicePort = Pick<
  IssuerService,
  'getIssuer' | 'listIssuers' | 'issue' | 'changeStatus' | 'statusListCredential'
>;

/** An issuer's public data: never key material. */
export type IssuerProfileView = IssuerProfile;

/** Matches a verified passport against job requirements: core's `matchRequirements`. */
export type MatchRequirementsPort = typeof matchRequirements;

/**
 * Everything `createApp` is built from. Nothing here is read from the environment: `main.ts` does that.
 *
 * @example
 * const app = createApp({ verify: createVerifier(), publicUrl: 'http://localhost:3000', store, challenges: store });
 */
export interface AppDeps {
  /** The API's verifier (status checker, trust registry, and the challenge store as core's `challengeStore`). */
  verify: Verify;
  /**
   * The page's verifier (default `verify`): one without a challenge store, since a passport pasted by a recruiter
   * was bound to whatever challenge its requester issued, not to one of ours.
   */
  verifyPage?: Verify;
  /** Public base URL (status lists and did:web documents are published under it). */
  publicUrl: string;
  /**
   * Where `POST /challenges` saves challenges: the same store `verify` was given as `challengeStore`, shared by
   * every instance on one database so any of them accepts a challenge once.
   */
  challenges: ChallengeStore;
  /** Readiness probe (the store's `ping`). */
  ping: () => Promise<void>;
  /** Issuing and status changes; routes answer 503 `issuing-unavailable` without it. */
  issuerService?: IssuerServicePort;
  /** Finds which issuer issued a credential, so a status change is only allowed with that issuer's key. */
  findIssuance?: (credentialId: string) => Promise<{ issuerId: string } | undefined>;
  /** API keys per issuer (see `ApiKeyRing`). */
  apiKeys?: ApiKeyRing;
  /** Job matching; `POST /passport/match` answers 503 `matching-unavailable` without it. */
  matchRequirements?: MatchRequirementsPort;
  /** Anonymised skills-supply insights for partnership members; `/insights` answers 503 without it. */
  insights?: InsightsDeps;
  /** Largest request body in bytes (default 2 MB). */
  maxBodyBytes?: number;
  /** Origins allowed by CORS; none (CORS off) by default. */
  corsOrigins?: string[];
  /**
   * Requests per minute per client on the POST routes (verify, page, challenges, match, issue, status); off when
   * absent. `clientKey` names the client (the peer address in `main.ts`).
   */
  rateLimit?: { perMinute: number; clientKey: (c: Context) => string | undefined };
  /** How long a challenge stays valid, in seconds (default 300). */
  challengeTtlSeconds?: number;
  /** The clock. */
  now?: () => Date;
  /**
   * Called with errors the app answered with 500 (or 503 `store-unavailable`), so they are logged and never sent
   * to the client.
   */
  onInternalError?: (error: unknown) => void;
  /** Receives one structured entry per request (request id, method, path, status, duration); none by default. */
  log?: (entry: RequestLogEntry) => void;
}

/** One line of the request log. No bodies, headers or query strings: they can carry credentials and keys. */
export interface RequestLogEntry {
  time: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}
