import { randomBytes, randomUUID } from 'node:crypto';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { assertCredentialShape } from '../issue/credential-shape.js';
import { issueCredential } from '../issue/issue-credential.js';
import type { KeyType, PassportKeyPair } from '../keys/key-pair.js';
import type { DocumentLoader } from '../loader/document-loader.js';
import { signStatusListCredential } from '../status/status-list-credential.js';
import { createStatusListEntry, type StatusPurpose, statusListUrl } from '../status/status-list-entry.js';
import { createProofPool } from '../verify/proof-pool.js';
import { schemaErrorsFor } from '../verify/schema-kinds.js';
import { issuanceRecordOf } from './issuance-record.js';
import {
  createIssuerIdentity,
  type DidWebLocation,
  didDocumentOf,
  keyOfRecord,
  keyRecordOf,
} from './issuer-identity.js';
import type {
  IssuanceRecordShape,
  IssuedStatusShape,
  IssuerRecordShape,
  IssuerStateStore,
} from './issuer-state-store.js';

export interface IssuerServiceOptions {
  /** Issuer state, e.g. `await openStore('sqlite:./data/passport.db', { secret })` from `@skills-passport/store`. */
  store: IssuerStateStore;
  /** Public URL of the service; status lists live at `${baseUrl}/status/${listId}`. */
  baseUrl: string;
  now?: () => Date;
  /** Contexts for signing. A custom loader cannot cross to a worker thread, so with one every proof is signed here. */
  documentLoader?: DocumentLoader;
  /**
   * Worker threads that sign the Data Integrity proofs of a large batch alongside this thread (default: one fewer
   * than the machine's cores, at least 1; `0` signs everything on this thread).
   */
  proofWorkers?: number;
  /** How long an idle signing worker lives, in ms (default 1000). */
  proofWorkerIdleMs?: number;
}

/** An issuer's public data: never key material. */
export interface IssuerProfile {
  /** The service's id for the issuer (API keys, URLs). */
  id: string;
  name: string;
  did: string;
  didDocument: object;
  /** The Open Badges `Profile` put in the credentials' `issuer`. */
  profile: Record<string, unknown>;
}

export interface CreateIssuerRequest {
  /** Default: made from the name (`Acme Training` -> `acme-training`). */
  id?: string;
  name: string;
  url?: string;
  keyType?: 'Ed25519' | 'P-256';
  /** Make the issuer a did:web DID at this host (and path) instead of a did:key. */
  didWeb?: DidWebLocation;
}

export interface IssueRequest {
  issuerId: string;
  credential: Record<string, unknown>;
  format?: 'di' | 'jwt';
  /** Also allocate a suspension entry, so the credential can be suspended and unsuspended. */
  suspendable?: boolean;
  /** Idempotency key: a second issue with the same key issues nothing and reports `duplicate`. */
  batchKey?: string;
  /** Area code kept in the issuance log for statistics (e.g. an ONS local authority code). */
  areaCode?: string;
  /** ecdsa-sd-2023 base proof pointers (P-256 issuers only). */
  mandatoryPointers?: string[];
}

/** A request of a batch that was not issued, with why. */
export interface IssueFailure {
  failed: true;
  error: PassportError;
}

export type IssueOutcome = IssueResult | IssueFailure;

export interface IssueResult {
  /**
   * The signed credential (an object for `di`, a compact JWT for `jwt`). For a duplicate the original is not
   * kept by the service, so this is only `{ id }` of the credential issued the first time.
   */
  credential: Record<string, unknown> | string;
  credentialId: string;
  duplicate: boolean;
  status: Array<{ listId: string; index: number; purpose: StatusPurpose }>;
  /** For a duplicate: the issuance log line of the first issue. */
  record?: IssuanceRecordShape;
}

export interface StatusChange {
  credentialId: string;
  revoked: boolean;
  suspended: boolean;
  /** `false` when the credential was already in the asked state (the operation is idempotent). */
  changed: boolean;
}

/** A signed status list credential as served, with the ETag that changes with its version. */
export interface PublishedList {
  credential: Record<string, unknown>;
  etag: string;
  version: number;
}

export interface IssuerService {
  createIssuer(request: CreateIssuerRequest): Promise<IssuerProfile>;
  getIssuer(id: string): Promise<IssuerProfile | undefined>;
  listIssuers(): Promise<IssuerProfile[]>;
  issue(request: IssueRequest): Promise<IssueResult>;
  /** Issues a batch: one status allocation and one log transaction for all; each request gets its own outcome. */
  issueMany(requests: IssueRequest[]): Promise<IssueOutcome[]>;
  changeStatus(request: {
    credentialId: string;
    action: 'revoke' | 'suspend' | 'unsuspend';
  }): Promise<StatusChange>;
  statusOf(
    credentialId: string,
  ): Promise<{ credentialId: string; revoked: boolean; suspended: boolean } | undefined>;
  statusListCredential(listId: string): Promise<PublishedList | undefined>;
}

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
/** Re-signing a list races with status changes; after this many lost races the latest signature is served. */
const MAX_SIGN_ATTEMPTS = 5;
/** Signatures in flight at once within a batch. */
const SIGNING_CONCURRENCY = 8;
/**
 * Data Integrity credentials in a batch from which workers help sign: starting a worker takes about 350 ms, the time
 * this thread takes to sign some 80 credentials, so a smaller batch is signed here.
 */
const MIN_BATCH_FOR_WORKERS = 20;

/**
 * The issuer service: issuers with keys kept (encrypted) in the store, issuing with Bitstring Status List entries
 * and an issuance log, revocation and suspension that are committed before they answer, and the signed status
 * list credentials a verifier fetches.
 *
 * @example
 * const store = await openStore('sqlite:./data/passport.db', { secret });
 * const service = createIssuerService({ store, baseUrl: 'https://passport.example.org' });
 * const issuer = await service.createIssuer({ name: 'Acme Training', didWeb: { domain: 'acme.example' } });
 * const { credential, credentialId } = await service.issue({ issuerId: issuer.id, credential: unsigned });
 * await service.changeStatus({ credentialId, action: 'revoke' });
 * const list = await service.statusListCredential(listId); // serve list.credential with ETag list.etag
 */
export function createIssuerService(options: IssuerServiceOptions): IssuerService {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const signing = new Map<string, Promise<PublishedList | undefined>>();
  const loaderOption = options.documentLoader ? { documentLoader: options.documentLoader } : {};
  const proofPool = options.documentLoader ? undefined : createProofPool(options);

  async function issuerRecord(id: string): Promise<{ record: IssuerRecordShape; key: PassportKeyPair }> {
    const record = await store.getIssuer(id);
    const keyRecord = record?.keys[0];
    if (!record || !keyRecord) {
      throw new PassportError(Codes.issuerNotFound, `There is no issuer ${JSON.stringify(id)} in the store.`);
    }
    return { record, key: await keyOfRecord(keyRecord) };
  }

  async function profileOf(record: IssuerRecordShape): Promise<IssuerProfile> {
    const keyRecord = record.keys[0];
    if (!keyRecord) throw new PassportError(Codes.invalidKey, `The issuer ${record.id} has no key.`);
    const key = await keyOfRecord(keyRecord);
    return {
      id: record.id,
      name: record.name,
      did: record.did,
      didDocument: await didDocumentOf(key),
      profile: record.profile,
    };
  }

  async function createIssuer(request: CreateIssuerRequest): Promise<IssuerProfile> {
    if (typeof request.name !== 'string' || request.name.trim() === '') {
      throw new PassportError(Codes.invalidOptions, 'An issuer needs a name.');
    }
    const keyType: KeyType = request.keyType ?? 'Ed25519';
    if (keyType !== 'Ed25519' && keyType !== 'P-256') {
      throw new PassportError(Codes.invalidOptions, 'keyType must be Ed25519 or P-256.');
    }
    let id = request.id ?? slugOf(request.name);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) {
      throw new PassportError(
        Codes.invalidOptions,
        'An issuer id is 1 to 128 letters, digits, dots, hyphens or underscores.',
      );
    }
    if (await store.getIssuer(id)) {
      // Saving would replace the existing issuer's key and orphan everything it signed.
      if (request.id) throw new PassportError(Codes.issuerExists, `There is already an issuer ${id}.`);
      id = `${id}-${randomBytes(3).toString('hex')}`;
    }
    const { key, didDocument } = await createIssuerIdentity({
      keyType,
      ...(request.didWeb ? { didWeb: request.didWeb } : {}),
    });
    const profile: Record<string, unknown> = { id: key.controller, type: ['Profile'], name: request.name };
    if (request.url) profile.url = request.url;
    const record: IssuerRecordShape = {
      id,
      name: request.name,
      did: key.controller,
      profile,
      keys: [await keyRecordOf(key)],
    };
    // Create-only: another process may have created the same id since the check above.
    if ((await store.saveIssuer(record, { createOnly: true })) === false) {
      throw new PassportError(Codes.issuerExists, `There is already an issuer ${id}.`);
    }
    return { id, name: record.name, did: record.did, didDocument, profile };
  }

  /**
   * Issues many credentials with one status allocation per issuer and purpose and one issuance-log transaction,
   * which is what makes a cohort fast. Each request gets its own outcome: a bad one never stops the others.
   */
  async function issueMany(requests: IssueRequest[]): Promise<IssueOutcome[]> {
    const outcomes: IssueOutcome[] = new Array(requests.length);
    const issuers = new Map<string, Promise<{ record: IssuerRecordShape; key: PassportKeyPair }>>();
    const pending: Array<{ at: number; request: IssueRequest; credential: Record<string, unknown> }> = [];
    const ids = new Set<string>();
    for (const [at, request] of requests.entries()) {
      try {
        if (request.batchKey !== undefined) {
          const earlier = await store.findIssuanceByBatchKey(request.batchKey);
          if (earlier) {
            outcomes[at] = duplicateOf(earlier);
            continue;
          }
        }
        if (!issuers.has(request.issuerId)) issuers.set(request.issuerId, issuerRecord(request.issuerId));
        const { record: issuer } = await (issuers.get(request.issuerId) as ReturnType<typeof issuerRecord>);
        const credential = prepare(request.credential, issuer, now());
        const errors = schemaErrorsFor(credential);
        if (errors.length > 0) {
          const list = errors.map((error) => `${error.path || '/'}: ${error.message}`).join('; ');
          throw new PassportError(
            Codes.invalidCredential,
            `The credential does not match its schema: ${list}`,
            errors,
          );
        }
        const id = String(credential.id);
        if (ids.has(id) || (await store.findIssuance(id))) {
          throw new PassportError(Codes.invalidCredential, `A credential with id ${id} was already issued.`);
        }
        ids.add(id);
        pending.push({ at, request, credential });
      } catch (error) {
        outcomes[at] = { failed: true, error: requestError(error) };
      }
    }

    // Status indexes for every valid request, one allocation per issuer and purpose, before any signing.
    const statusByRequest = new Map<number, IssuedStatusShape[]>();
    for (const issuerId of new Set(pending.map((item) => item.request.issuerId))) {
      for (const purpose of ['revocation', 'suspension'] as const) {
        const wanting = pending.filter(
          (item) =>
            item.request.issuerId === issuerId && (purpose === 'revocation' || item.request.suspendable),
        );
        if (wanting.length === 0) continue;
        const allocations = await store.allocateStatusIndexes({ issuerId, purpose, count: wanting.length });
        if (allocations.length !== wanting.length) {
          throw new PassportError(
            Codes.invalidOptions,
            'The store allocated fewer status indexes than asked.',
          );
        }
        for (const [position, item] of wanting.entries()) {
          const list = statusByRequest.get(item.at) ?? [];
          list.push({ ...(allocations[position] as { listId: string; index: number }), purpose });
          statusByRequest.set(item.at, list);
        }
      }
    }

    const signedItems: Array<{ at: number; record: IssuanceRecordShape; result: IssueResult }> = [];
    const dataIntegrityCount = pending.filter((item) => (item.request.format ?? 'di') === 'di').length;
    const workers = dataIntegrityCount >= MIN_BATCH_FOR_WORKERS ? proofPool : undefined;
    // Signing awaits the crypto thread pool, so several signatures in flight keep the cores busy.
    let next = 0;
    const signNext = async (): Promise<void> => {
      while (next < pending.length) {
        const { at, request, credential } = pending[next++] as (typeof pending)[number];
        await signOne(at, request, credential);
      }
    };
    const signOne = async (at: number, request: IssueRequest, credential: Record<string, unknown>) => {
      const status = statusByRequest.get(at) ?? [];
      try {
        const { key, record: issuer } = await (issuers.get(request.issuerId) as ReturnType<
          typeof issuerRecord
        >);
        const format = request.format ?? 'di';
        const issueOptions = {
          issuerKey: key,
          credentialStatus: status.map((entry) =>
            createStatusListEntry({
              statusListCredential: statusListUrl(options.baseUrl, entry.listId),
              index: entry.index,
              purpose: entry.purpose,
            }),
          ),
          // Validated above, before any status index was spent.
          validateSchema: false,
          ...(request.mandatoryPointers ? { mandatoryPointers: request.mandatoryPointers } : {}),
        };
        // Workers exist only without a custom loader, so the two paths sign with the same contexts.
        const signed =
          workers && format === 'di'
            ? await workers.run(
                { kind: 'sign', credential, sign: { ...issueOptions, format, now: now().toISOString() } },
                () => issueCredential(credential, { ...issueOptions, format, now }),
              )
            : await issueCredential(credential, { ...issueOptions, format, now, ...loaderOption });
        const record = issuanceRecordOf(credential, signed, {
          issuerId: issuer.id,
          status,
          issuedAt: now(),
          areaCode: request.areaCode,
          batchKey: request.batchKey,
        });
        signedItems.push({
          at,
          record,
          result: { credential: signed, credentialId: record.credentialId, duplicate: false, status },
        });
      } catch (error) {
        // The indexes stay allocated and unused: an index is never handed out twice, so nothing is lost.
        outcomes[at] = { failed: true, error: requestError(error) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(SIGNING_CONCURRENCY, pending.length) }, signNext));
    signedItems.sort((a, b) => a.at - b.at);

    // A credential only leaves the service once the log holds it.
    try {
      if (signedItems.length > 0) await store.recordIssuances(signedItems.map((item) => item.record));
      for (const item of signedItems) outcomes[item.at] = item.result;
    } catch {
      // The log refuses the whole transaction when one batch key raced in from elsewhere: record one by one, and
      // a request that lost its race hands back the winner's record, not a second credential.
      for (const item of signedItems) {
        try {
          await store.recordIssuances([item.record]);
          outcomes[item.at] = item.result;
        } catch (itemError) {
          const earlier = item.record.batchKey
            ? await store.findIssuanceByBatchKey(item.record.batchKey)
            : undefined;
          if (!earlier) throw itemError;
          outcomes[item.at] = duplicateOf(earlier);
        }
      }
    }
    return outcomes;
  }

  /**
   * Calls to `issue` that arrive in the same turn of the event loop (concurrent requests to a busy service) are
   * issued as one batch: one status allocation and one log transaction for all of them. Each still gets its own
   * result or error.
   */
  let waitingToIssue: Array<{
    request: IssueRequest;
    resolve: (result: IssueResult) => void;
    reject: (error: unknown) => void;
  }> = [];

  async function issueWaiting(): Promise<void> {
    const batch = waitingToIssue;
    waitingToIssue = [];
    try {
      const outcomes = await issueMany(batch.map((item) => item.request));
      for (const [at, { resolve, reject }] of batch.entries()) {
        const outcome = outcomes[at];
        if (!outcome || 'failed' in outcome) reject(outcome?.error ?? new Error('nothing was issued'));
        else resolve(outcome);
      }
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  function issue(request: IssueRequest): Promise<IssueResult> {
    return new Promise((resolve, reject) => {
      waitingToIssue.push({ request, resolve, reject });
      if (waitingToIssue.length === 1) setImmediate(() => void issueWaiting());
    });
  }

  async function changeStatus(request: {
    credentialId: string;
    action: 'revoke' | 'suspend' | 'unsuspend';
  }): Promise<StatusChange> {
    const record = await issuanceOf(request.credentialId);
    const purpose: StatusPurpose = request.action === 'revoke' ? 'revocation' : 'suspension';
    const entry = record.status.find((item) => item.purpose === purpose);
    if (!entry) {
      throw new PassportError(
        Codes.statusPurposeMissing,
        `${request.credentialId} was issued without a ${purpose} entry, so it cannot be ${request.action === 'revoke' ? 'revoked' : 'suspended or unsuspended'}.`,
      );
    }
    const { changed } = await store.setStatus({
      listId: entry.listId,
      index: entry.index,
      value: request.action !== 'unsuspend',
    });
    if (changed) {
      // Publishing now keeps the first verifier after a change from waiting for the signature. A failure here
      // loses nothing: the change is committed and the list is re-signed when it is next served.
      await statusListCredential(entry.listId).catch(() => undefined);
    }
    return { ...(await bitsOf(record)), changed };
  }

  async function statusOf(credentialId: string) {
    const record = await store.findIssuance(credentialId);
    return record ? bitsOf(record) : undefined;
  }

  async function bitsOf(record: IssuanceRecordShape) {
    let revoked = false;
    let suspended = false;
    for (const entry of record.status) {
      const bit = await store.getStatusBit(entry.listId, entry.index);
      if (entry.purpose === 'revocation') revoked ||= bit;
      else suspended ||= bit;
    }
    return { credentialId: record.credentialId, revoked, suspended };
  }

  async function issuanceOf(credentialId: string): Promise<IssuanceRecordShape> {
    const record = await store.findIssuance(credentialId);
    if (!record) {
      throw new PassportError(
        Codes.credentialUnknown,
        `No credential with id ${credentialId} was issued here.`,
      );
    }
    return record;
  }

  function statusListCredential(listId: string): Promise<PublishedList | undefined> {
    // Calls for one list run one after another in this process: the first after a change signs, the rest find
    // the signature in the store; and a call that starts after a change never gets a list signed before it.
    const previous = signing.get(listId) ?? Promise.resolve(undefined);
    const current = previous.catch(() => undefined).then(() => currentListCredential(listId));
    signing.set(listId, current);
    const forget = () => {
      if (signing.get(listId) === current) signing.delete(listId);
    };
    current.then(forget, forget);
    return current;
  }

  async function currentListCredential(listId: string): Promise<PublishedList | undefined> {
    for (let attempt = 1; ; attempt++) {
      const list = await store.getStatusList(listId);
      if (!list) return undefined;
      const etag = `W/"${listId}.${list.version}"`;
      const url = statusListUrl(options.baseUrl, listId);
      const cached = list.credential as Record<string, unknown> | null;
      // A signature for another base URL (the service moved) names the wrong list id, so it is redone.
      if (cached && list.credentialVersion === list.version && cached.id === url) {
        return { credential: cached, etag, version: list.version };
      }
      const { record, key } = await issuerRecord(list.issuerId);
      const credential = await signStatusListCredential({
        id: url,
        issuer: record.did,
        purpose: list.purpose,
        bits: list.bits,
        issuerKey: key,
        now,
        ...loaderOption,
      });
      const saved = await store.saveStatusListCredential({ listId, version: list.version, credential });
      // Not saved: a bit changed while signing, so this signature is already out of date; sign the new version.
      if (saved || attempt >= MAX_SIGN_ATTEMPTS) return { credential, etag, version: list.version };
    }
  }

  return {
    createIssuer,
    getIssuer: async (id) => {
      const record = await store.getIssuer(id);
      return record ? profileOf(record) : undefined;
    },
    listIssuers: async () => {
      const profiles: IssuerProfile[] = [];
      for (const summary of await store.listIssuers()) {
        const record = await store.getIssuer(summary.id);
        if (record) profiles.push(await profileOf(record));
      }
      return profiles;
    },
    issue,
    issueMany,
    changeStatus,
    statusOf,
    statusListCredential,
  };
}

/** A copy with what the issuer always sets: issuer (its DID and name), id and validity start. */
function prepare(
  unsigned: Record<string, unknown>,
  issuer: IssuerRecordShape,
  now: Date,
): Record<string, unknown> {
  // Checked here, not only when signing, so bad input never spends a status index.
  assertCredentialShape(unsigned);
  const credential = structuredClone(unsigned);
  const given =
    credential.issuer && typeof credential.issuer === 'object'
      ? (credential.issuer as Record<string, unknown>)
      : {};
  credential.issuer = { ...issuer.profile, ...given, id: issuer.did, name: given.name ?? issuer.name };
  credential.id ??= `urn:uuid:${randomUUID()}`;
  const isV1 = Array.isArray(credential['@context']) && credential['@context'][0] === VC_V1;
  const seconds = `${now.toISOString().slice(0, 19)}Z`;
  if (isV1) credential.issuanceDate ??= seconds;
  else credential.validFrom ??= seconds;
  return credential;
}

/**
 * A request's own fault (bad input, unknown issuer) becomes that request's outcome; anything else, such as the
 * database going away, is not about one request and stops the batch with its own error.
 */
function requestError(error: unknown): PassportError {
  if (error instanceof PassportError) return error;
  throw error;
}

function duplicateOf(record: IssuanceRecordShape): IssueResult {
  return {
    credential: { id: record.credentialId },
    credentialId: record.credentialId,
    duplicate: true,
    status: record.status.map(({ listId, index, purpose }) => ({ listId, index, purpose })),
    record,
  };
}

/** `Acme Training Ltd.` -> `acme-training-ltd`. */
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? `issuer-${randomBytes(3).toString('hex')}` : slug;
}
