/**
 * The one interface every backend implements. Records are plain JSON-friendly objects defined here, not
 * core's types, so the store has no run-time dependency on `@skills-passport/core`.
 */

/** A key pair of an issuer. `secret` is the private key material, opaque JSON to the store. */
export interface IssuerKeyRecord {
  /** Key id, unique within the issuer (for example a DID URL fragment such as `#key-1`). */
  id: string;
  /** Key type as the caller names it (for example `Ed25519`, `P-256`). */
  type: string;
  /** Public key as a JWK, stored in clear because it is public. */
  publicJwk?: Record<string, unknown>;
  /** Private key material; encrypted at rest with AES-256-GCM. */
  secret: Record<string, unknown>;
}

/** An issuer profile and its keys, as given to `saveIssuer` and returned by `getIssuer`. */
export interface IssuerRecord {
  id: string;
  name: string;
  did: string;
  /** The Open Badges issuer `Profile` (or any JSON object the caller wants to keep with the issuer). */
  profile: Record<string, unknown>;
  keys: IssuerKeyRecord[];
}

/** An issuer without its keys, as returned by `listIssuers` (no private material leaves the store by accident). */
export type IssuerSummary = Omit<IssuerRecord, 'keys'> & {
  /** Ids of the issuer's keys. */
  keyIds: string[];
};

/** Why a status list exists: W3C Bitstring Status List `statusPurpose`. */
export type StatusPurpose = 'revocation' | 'suspension';

/** One allocated status entry: the bit `index` of list `listId`. */
export interface StatusAllocation {
  listId: string;
  index: number;
}

/** A status list without its bits. */
export interface StatusListSummary {
  /** Random, URL-safe id (base64url). */
  id: string;
  issuerId: string;
  purpose: StatusPurpose;
  /** Number of bits in the list. */
  size: number;
  /** Bumped on every bit that changes; the signed list credential must be re-signed when it moves on. */
  version: number;
  /** How many indexes were handed out so far (they are never handed out again). */
  allocated: number;
  /** The version the cached credential was signed at, or `null` when none is cached. */
  credentialVersion: number | null;
  /** ISO 8601 creation time. */
  createdAt: string;
}

/** A status list with its bitstring and the cached signed list credential. */
export interface StatusList extends StatusListSummary {
  /** The bitstring: bit 0 is the most significant bit of byte 0 (W3C Bitstring Status List). */
  bits: Uint8Array;
  /** Cached signed status list credential (a JSON object or a JWT string), or `null`. */
  credential: unknown;
}

/** What kind of achievement a credential records. */
export type IssuanceKind = 'micro-module' | 'vendor-certification' | 'other';

/** Essential Digital Skills style level of an achievement. */
export type IssuanceLevel = 'essential' | 'general' | 'specialist';

/** A skill alignment kept in the issuance log (codes only, for statistics). */
export interface IssuedSkill {
  framework: string;
  code: string;
  level?: string;
}

/** The status entries a credential carries. */
export interface IssuedStatus {
  listId: string;
  index: number;
  purpose: StatusPurpose;
}

/**
 * One line of the issuance log. Holds no learner personal data beyond the subject id: the credential itself
 * is identified by its SHA-256 hash.
 */
export interface IssuanceRecord {
  credentialId: string;
  issuerId: string;
  subjectId: string;
  kind: IssuanceKind;
  achievementId: string;
  achievementName: string;
  skills: IssuedSkill[];
  level: IssuanceLevel | null;
  areaCode: string | null;
  /** ISO 8601; normalised to UTC milliseconds (`Date#toISOString`) when stored. */
  issuedAt: string;
  /** SHA-256 of the issued credential, lowercase hex. */
  credentialHash: string;
  status: IssuedStatus[];
  /** Caller's idempotency key for batch re-runs; unique in the log. */
  batchKey?: string | null;
}

/** Filter for `listIssuances`; `from` is inclusive and `to` exclusive (ISO 8601). */
export interface IssuanceQuery {
  issuerId?: string;
  from?: string;
  to?: string;
  areaCode?: string;
}

/** Outcome of consuming a presentation challenge. */
export type ChallengeOutcome = 'ok' | 'unknown' | 'reused' | 'expired';

/** A challenge handed to a holder, to be bound into their presentation. */
export interface ChallengeRecord {
  value: string;
  expiresAt: Date;
  domain?: string | null;
}

/**
 * Issuer state: keys, status lists, the issuance log and presentation challenges. Every method is async,
 * even on SQLite, so both backends share one interface; every write is committed before its promise resolves.
 *
 * @example
 * const store = await openStore('sqlite:./data/passport.db', { secret });
 * const [entry] = await store.allocateStatusIndexes({ issuerId: 'acme', purpose: 'revocation', count: 1 });
 * await store.setStatus({ listId: entry.listId, index: entry.index, value: true });
 * await store.close();
 */
export interface IssuerStore {
  /** Which backend this is. */
  readonly backend: 'sqlite' | 'postgres';

  /**
   * Saves an issuer and replaces its key set (keys not listed are removed), in one transaction. With
   * `createOnly`, an existing issuer is left untouched and `false` is returned: two processes creating the same
   * issuer at once cannot overwrite each other's key.
   */
  saveIssuer(issuer: IssuerRecord, options?: { createOnly?: boolean }): Promise<boolean>;
  /** The issuer with decrypted keys, or `undefined`. Throws `store-secret-wrong` if a key cannot be decrypted. */
  getIssuer(id: string): Promise<IssuerRecord | undefined>;
  /** All issuers, without key material, ordered by id. */
  listIssuers(): Promise<IssuerSummary[]>;

  /**
   * Hands out `count` fresh status indexes in one transaction, opening a new list when the current one is
   * full. Indexes come in a pseudo-random order within a list and are never handed out twice.
   */
  allocateStatusIndexes(request: {
    issuerId: string;
    purpose: StatusPurpose;
    count: number;
  }): Promise<StatusAllocation[]>;
  /** Sets one bit; committed before it resolves. `version` only moves when the bit changed. */
  setStatus(change: {
    listId: string;
    index: number;
    value: boolean;
  }): Promise<{ changed: boolean; version: number }>;
  /** Reads one bit. Throws `status-list-unknown` or `status-index-out-of-range`. */
  getStatusBit(listId: string, index: number): Promise<boolean>;
  /** A list with its bits and cached credential, or `undefined`. */
  getStatusList(listId: string): Promise<StatusList | undefined>;
  /** Lists (without bits), optionally of one issuer, oldest first. */
  listStatusLists(issuerId?: string): Promise<StatusListSummary[]>;
  /**
   * Caches the signed list credential, only if `version` is still the list's current version (a bit that
   * changed while signing makes this return `false`, and the caller signs again).
   */
  saveStatusListCredential(entry: { listId: string; version: number; credential: unknown }): Promise<boolean>;

  /** Appends records to the issuance log in one transaction; a duplicate id or batch key rejects them all. */
  recordIssuances(records: IssuanceRecord[]): Promise<void>;
  findIssuance(credentialId: string): Promise<IssuanceRecord | undefined>;
  findIssuanceByBatchKey(batchKey: string): Promise<IssuanceRecord | undefined>;
  /** Streams matching records ordered by `issuedAt`, then `credentialId`, page by page. */
  listIssuances(query?: IssuanceQuery): AsyncIterable<IssuanceRecord>;

  /** Stores a challenge for later single use. Throws `challenge-duplicate` if the value exists. */
  saveChallenge(challenge: ChallengeRecord): Promise<void>;
  /** Atomically uses a challenge: of two concurrent consumers exactly one gets `'ok'`. */
  consumeChallenge(request: { value: string; now: Date }): Promise<ChallengeOutcome>;
  /** Deletes challenges that expired before `now`; returns how many. */
  deleteExpiredChallenges(now: Date): Promise<number>;

  /** Readiness probe: resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Closes connections; the store throws `store-closed` afterwards. Safe to call twice. */
  close(): Promise<void>;
}
