/**
 * What the issuer service needs of a store, declared here so core does not depend on `@skills-passport/store`:
 * the store package's `IssuerStore` fits as-is (this is a subset of it, with the same record shapes).
 */

/** A key of an issuer; `secret` is the Multikey document with its secret part (encrypted at rest by the store). */
export interface IssuerKeyRecordShape {
  id: string;
  type: string;
  publicJwk?: Record<string, unknown>;
  secret: Record<string, unknown>;
}

/** An issuer as the store keeps it. */
export interface IssuerRecordShape {
  id: string;
  name: string;
  did: string;
  profile: Record<string, unknown>;
  keys: IssuerKeyRecordShape[];
}

/** One status entry of an issued credential. */
export interface IssuedStatusShape {
  listId: string;
  index: number;
  purpose: 'revocation' | 'suspension';
}

/** One line of the issuance log (no learner data beyond the subject id; the credential only as a hash). */
export interface IssuanceRecordShape {
  credentialId: string;
  issuerId: string;
  subjectId: string;
  kind: 'micro-module' | 'vendor-certification' | 'other';
  achievementId: string;
  achievementName: string;
  skills: Array<{ framework: string; code: string; level?: string }>;
  level: 'essential' | 'general' | 'specialist' | null;
  areaCode: string | null;
  issuedAt: string;
  credentialHash: string;
  status: IssuedStatusShape[];
  batchKey?: string | null;
}

/** A status list with its bits and the cached signed list credential. */
export interface StatusListShape {
  id: string;
  issuerId: string;
  purpose: 'revocation' | 'suspension';
  size: number;
  version: number;
  allocated: number;
  credentialVersion: number | null;
  createdAt: string;
  bits: Uint8Array;
  credential: unknown;
}

/**
 * The issuer state the service reads and writes. Every write must be committed before its promise resolves.
 *
 * @example
 * const store: IssuerStateStore = await openStore('sqlite:./data/passport.db', { secret });
 * const service = createIssuerService({ store, baseUrl: 'https://passport.example.org' });
 */
export interface IssuerStateStore {
  saveIssuer(
    issuer: IssuerRecordShape,
    options?: { createOnly?: boolean },
    // biome-ignore lint/suspicious/noConfusingVoidType: a store whose saveIssuer is `async () => {}` (it never refuses) must still fit.
  ): Promise<boolean | undefined | void>;
  getIssuer(id: string): Promise<IssuerRecordShape | undefined>;
  listIssuers(): Promise<Array<Omit<IssuerRecordShape, 'keys'> & { keyIds: string[] }>>;
  allocateStatusIndexes(request: {
    issuerId: string;
    purpose: 'revocation' | 'suspension';
    count: number;
  }): Promise<Array<{ listId: string; index: number }>>;
  setStatus(change: {
    listId: string;
    index: number;
    value: boolean;
  }): Promise<{ changed: boolean; version: number }>;
  getStatusBit(listId: string, index: number): Promise<boolean>;
  getStatusList(listId: string): Promise<StatusListShape | undefined>;
  saveStatusListCredential(entry: { listId: string; version: number; credential: unknown }): Promise<boolean>;
  recordIssuances(records: IssuanceRecordShape[]): Promise<void>;
  findIssuance(credentialId: string): Promise<IssuanceRecordShape | undefined>;
  findIssuanceByBatchKey(batchKey: string): Promise<IssuanceRecordShape | undefined>;
}
