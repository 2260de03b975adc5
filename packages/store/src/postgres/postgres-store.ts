import pg from 'pg';
import {
  fromIssuanceRow,
  ISSUANCE_COLUMNS,
  ISSUANCE_PAGE_SIZE,
  jsonColumn,
  normaliseInstant,
  toIssuanceRow,
} from '../issuance/issuance-row.js';
import type {
  ChallengeOutcome,
  ChallengeRecord,
  IssuanceQuery,
  IssuanceRecord,
  IssuerRecord,
  IssuerStore,
  IssuerSummary,
  StatusAllocation,
  StatusList,
  StatusListSummary,
  StatusPurpose,
} from '../issuer-store.js';
import { MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from '../migrations.js';
import { type AllocatedRange, expandRanges } from '../status/allocated-range.js';
import { bitPosition, readBit } from '../status/bitstring.js';
import {
  checkAllocationRequest,
  checkStatusIndex,
  newStatusList,
  unknownStatusList,
} from '../status/status-list-rules.js';
import { StoreError, StoreErrorCodes } from '../store-error.js';
import { keyContext, type ResolvedStoreOptions, requireSecretBox } from '../store-options.js';

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, 'query'>;

const LIST_SUMMARY_COLUMNS =
  'id, issuer_id, purpose, size, version, allocated, credential_version, created_at';

function toListSummary(row: Row): StatusListSummary {
  return {
    id: row.id as string,
    issuerId: row.issuer_id as string,
    purpose: row.purpose as StatusPurpose,
    size: row.size as number,
    version: row.version as number,
    allocated: row.allocated as number,
    credentialVersion: (row.credential_version as number | null) ?? null,
    createdAt: row.created_at as string,
  };
}

const UNIQUE_VIOLATION = '23505';
const INSERT_CHUNK = 1_000;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === UNIQUE_VIOLATION;
}

/**
 * PostgreSQL backend (`pg` Pool), for several service instances sharing one database. Concurrency rests on
 * row locks taken by `SELECT ... FOR UPDATE` / single-statement `UPDATE`s under READ COMMITTED, and
 * migrations on a transaction-scoped advisory lock; commits are durable with PostgreSQL's default
 * `synchronous_commit = on`.
 */
export class PostgresIssuerStore implements IssuerStore {
  readonly backend = 'postgres' as const;
  readonly #options: ResolvedStoreOptions;
  readonly #pool: pg.Pool;
  #closed = false;

  private constructor(pool: pg.Pool, options: ResolvedStoreOptions) {
    this.#pool = pool;
    this.#options = options;
  }

  /**
   * Connects and migrates. The schema comes from the connection's `search_path` (for example
   * `postgres://host/db?options=-c%20search_path%3Dpassport`).
   *
   * @example
   * const store = await PostgresIssuerStore.open('postgres://localhost/passport', resolveStoreOptions({ secret }));
   */
  static async open(url: string, options: ResolvedStoreOptions): Promise<PostgresIssuerStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections,
      // A database that accepts the socket but never answers must fail the request, not hang it.
      connectionTimeoutMillis: options.busyTimeoutMs,
    });
    // Without a listener, an idle client dropped by the server (restart, failover) would crash the process;
    // the pool discards that client and the next query opens a new one.
    pool.on('error', () => {});
    const store = new PostgresIssuerStore(pool, options);
    try {
      await store.#transaction(migrate);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  get #db(): pg.Pool {
    if (this.#closed) throw new StoreError(StoreErrorCodes.closed, 'The store is closed.');
    return this.#pool;
  }

  async #transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#db.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async #query(text: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.#db.query(text, values)).rows as Row[];
  }

  async saveIssuer(issuer: IssuerRecord, options: { createOnly?: boolean } = {}): Promise<boolean> {
    const box = requireSecretBox(this.#options);
    const now = new Date().toISOString();
    return this.#transaction(async (client) => {
      const onConflict = options.createOnly
        ? 'DO NOTHING'
        : `DO UPDATE SET name = excluded.name, did = excluded.did, profile = excluded.profile,
           updated_at = excluded.updated_at`;
      const inserted = await client.query(
        `INSERT INTO issuers (id, name, did, profile, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (id) ${onConflict}`,
        [issuer.id, issuer.name, issuer.did, JSON.stringify(issuer.profile), now],
      );
      if (inserted.rowCount === 0) return false;
      await client.query('DELETE FROM issuer_keys WHERE issuer_id = $1', [issuer.id]);
      for (const key of issuer.keys) {
        await client.query(
          'INSERT INTO issuer_keys (issuer_id, key_id, type, public_jwk, secret_sealed) VALUES ($1, $2, $3, $4, $5)',
          [
            issuer.id,
            key.id,
            key.type,
            key.publicJwk ? JSON.stringify(key.publicJwk) : null,
            box.seal(key.secret, keyContext(issuer.id, key.id)),
          ],
        );
      }
      return true;
    });
  }

  async getIssuer(id: string): Promise<IssuerRecord | undefined> {
    const [issuer] = await this.#query('SELECT id, name, did, profile FROM issuers WHERE id = $1', [id]);
    if (!issuer) return undefined;
    const keys = await this.#query(
      'SELECT key_id, type, public_jwk, secret_sealed FROM issuer_keys WHERE issuer_id = $1 ORDER BY key_id',
      [id],
    );
    const box = requireSecretBox(this.#options);
    return {
      id: issuer.id as string,
      name: issuer.name as string,
      did: issuer.did as string,
      profile: jsonColumn(issuer.profile),
      keys: keys.map((key) => ({
        id: key.key_id as string,
        type: key.type as string,
        ...(key.public_jwk === null
          ? {}
          : { publicJwk: jsonColumn<Record<string, unknown>>(key.public_jwk) }),
        secret: box.open(key.secret_sealed as string, keyContext(id, key.key_id as string)) as Record<
          string,
          unknown
        >,
      })),
    };
  }

  async listIssuers(): Promise<IssuerSummary[]> {
    const issuers = await this.#query('SELECT id, name, did, profile FROM issuers ORDER BY id');
    const keys = await this.#query('SELECT issuer_id, key_id FROM issuer_keys ORDER BY key_id');
    return issuers.map((row) => ({
      id: row.id as string,
      name: row.name as string,
      did: row.did as string,
      profile: jsonColumn(row.profile),
      keyIds: keys.filter((key) => key.issuer_id === row.id).map((key) => key.key_id as string),
    }));
  }

  async allocateStatusIndexes(request: {
    issuerId: string;
    purpose: StatusPurpose;
    count: number;
  }): Promise<StatusAllocation[]> {
    checkAllocationRequest(request);
    const size = this.#options.statusListSize;
    const ranges = await this.#transaction(async (client) => {
      const taken: AllocatedRange[] = [];
      let remaining = request.count;
      while (remaining > 0) {
        // The row lock serialises allocators of one list. If the list filled up while we waited, the
        // re-checked row no longer matches and we open a new list: a little unused space, never a reuse.
        let [list] = (
          await client.query(
            `SELECT id, seed, size, allocated FROM status_lists
             WHERE issuer_id = $1 AND purpose = $2 AND allocated < size
             ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
            [request.issuerId, request.purpose],
          )
        ).rows as Row[];
        if (!list) {
          const fresh = newStatusList(size);
          await client.query(
            `INSERT INTO status_lists (id, issuer_id, purpose, size, seed, bits, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              fresh.id,
              request.issuerId,
              request.purpose,
              size,
              fresh.seed,
              fresh.bits,
              new Date().toISOString(),
            ],
          );
          list = { id: fresh.id, seed: fresh.seed, size, allocated: 0 };
        }
        const from = list.allocated as number;
        const take = Math.min(remaining, (list.size as number) - from);
        await client.query('UPDATE status_lists SET allocated = $1 WHERE id = $2', [from + take, list.id]);
        taken.push({
          id: list.id as string,
          seed: list.seed as Buffer,
          size: list.size as number,
          from,
          to: from + take,
        });
        remaining -= take;
      }
      return taken;
    });
    return expandRanges(ranges);
  }

  async setStatus(change: { listId: string; index: number; value: boolean }): Promise<{
    changed: boolean;
    version: number;
  }> {
    const [list] = await this.#query('SELECT size FROM status_lists WHERE id = $1', [change.listId]);
    if (!list) throw unknownStatusList(change.listId);
    checkStatusIndex(change.index, list.size as number);
    const { byte, mask } = bitPosition(change.index);
    // One statement flips the bit only if it differs, so the row lock makes concurrent writers agree on
    // whether they changed anything, and the 16 KB bitstring never travels over the wire.
    const [updated] = await this.#query(
      change.value
        ? `UPDATE status_lists SET bits = set_byte(bits, $2, get_byte(bits, $2) | $3), version = version + 1
           WHERE id = $1 AND (get_byte(bits, $2) & $3) = 0 RETURNING version`
        : `UPDATE status_lists SET bits = set_byte(bits, $2, get_byte(bits, $2) & (255 - $3)), version = version + 1
           WHERE id = $1 AND (get_byte(bits, $2) & $3) <> 0 RETURNING version`,
      [change.listId, byte, mask],
    );
    if (updated) return { changed: true, version: updated.version as number };
    const [current] = await this.#query('SELECT version FROM status_lists WHERE id = $1', [change.listId]);
    return { changed: false, version: current?.version as number };
  }

  async getStatusBit(listId: string, index: number): Promise<boolean> {
    const [row] = await this.#query('SELECT size, bits FROM status_lists WHERE id = $1', [listId]);
    if (!row) throw unknownStatusList(listId);
    checkStatusIndex(index, row.size as number);
    return readBit(row.bits as Buffer, index);
  }

  async getStatusList(listId: string): Promise<StatusList | undefined> {
    const [row] = await this.#query(
      `SELECT ${LIST_SUMMARY_COLUMNS}, bits, credential FROM status_lists WHERE id = $1`,
      [listId],
    );
    if (!row) return undefined;
    return {
      ...toListSummary(row),
      bits: new Uint8Array(row.bits as Buffer),
      credential: row.credential === null ? null : JSON.parse(row.credential as string),
    };
  }

  async listStatusLists(issuerId?: string): Promise<StatusListSummary[]> {
    const rows =
      issuerId === undefined
        ? await this.#query(`SELECT ${LIST_SUMMARY_COLUMNS} FROM status_lists ORDER BY created_at, id`)
        : await this.#query(
            `SELECT ${LIST_SUMMARY_COLUMNS} FROM status_lists WHERE issuer_id = $1 ORDER BY created_at, id`,
            [issuerId],
          );
    return rows.map(toListSummary);
  }

  async saveStatusListCredential(entry: {
    listId: string;
    version: number;
    credential: unknown;
  }): Promise<boolean> {
    // Text, not jsonb: the cached credential is served byte for byte as it was signed.
    const updated = await this.#query(
      'UPDATE status_lists SET credential = $1, credential_version = $2 WHERE id = $3 AND version = $2 RETURNING id',
      [JSON.stringify(entry.credential), entry.version, entry.listId],
    );
    if (updated.length === 1) return true;
    const exists = await this.#query('SELECT 1 FROM status_lists WHERE id = $1', [entry.listId]);
    if (exists.length === 0) throw unknownStatusList(entry.listId);
    return false;
  }

  async recordIssuances(records: IssuanceRecord[]): Promise<void> {
    const rows = records.map(toIssuanceRow);
    const recordedAt = new Date().toISOString();
    const width = ISSUANCE_COLUMNS.length + 1;
    try {
      await this.#transaction(async (client) => {
        // Multi-row INSERTs: one round trip per chunk instead of per record (65,535 parameters at most).
        for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
          const chunk = rows.slice(start, start + INSERT_CHUNK);
          const tuples = chunk.map(
            (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
          );
          await client.query(
            `INSERT INTO issuances (${ISSUANCE_COLUMNS.join(', ')}, recorded_at) VALUES ${tuples.join(', ')}`,
            chunk.flatMap((row) => [...row, recordedAt]),
          );
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreError(
          StoreErrorCodes.issuanceDuplicate,
          'An issuance record repeats a credential id or batch key already in the log; nothing was recorded.',
        );
      }
      throw error;
    }
  }

  async findIssuance(credentialId: string): Promise<IssuanceRecord | undefined> {
    const [row] = await this.#query('SELECT * FROM issuances WHERE credential_id = $1', [credentialId]);
    return row ? fromIssuanceRow(row) : undefined;
  }

  async findIssuanceByBatchKey(batchKey: string): Promise<IssuanceRecord | undefined> {
    const [row] = await this.#query('SELECT * FROM issuances WHERE batch_key = $1', [batchKey]);
    return row ? fromIssuanceRow(row) : undefined;
  }

  async *listIssuances(query: IssuanceQuery = {}): AsyncIterable<IssuanceRecord> {
    const filters: [string, unknown][] = [];
    if (query.issuerId !== undefined) filters.push(['issuer_id = ', query.issuerId]);
    if (query.areaCode !== undefined) filters.push(['area_code = ', query.areaCode]);
    if (query.from !== undefined) filters.push(['issued_at >= ', normaliseInstant(query.from, 'from')]);
    if (query.to !== undefined) filters.push(['issued_at < ', normaliseInstant(query.to, 'to')]);
    let after: [string, string] | undefined;
    for (;;) {
      const values = filters.map(([, value]) => value);
      const where = filters.map(([clause], i) => `${clause}$${i + 1}`);
      if (after) {
        values.push(after[0], after[1]);
        where.push(`(issued_at, credential_id) > ($${values.length - 1}, $${values.length})`);
      }
      const rows = await this.#query(
        `SELECT * FROM issuances ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY issued_at, credential_id LIMIT ${ISSUANCE_PAGE_SIZE}`,
        values,
      );
      for (const row of rows) yield fromIssuanceRow(row);
      const last = rows.at(-1);
      if (!last || rows.length < ISSUANCE_PAGE_SIZE) return;
      after = [last.issued_at as string, last.credential_id as string];
    }
  }

  async saveChallenge(challenge: ChallengeRecord): Promise<void> {
    try {
      await this.#query(
        'INSERT INTO challenges (value, domain, expires_at, created_at) VALUES ($1, $2, $3, $4)',
        [challenge.value, challenge.domain ?? null, challenge.expiresAt.getTime(), new Date().toISOString()],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreError(
          StoreErrorCodes.challengeDuplicate,
          'A challenge with this value already exists.',
        );
      }
      throw error;
    }
  }

  async consumeChallenge(request: { value: string; now: Date }): Promise<ChallengeOutcome> {
    const now = request.now.getTime();
    // A single UPDATE takes the row lock; a concurrent consumer re-checks `consumed_at IS NULL` after it and fails.
    const used = await this.#query(
      'UPDATE challenges SET consumed_at = $2 WHERE value = $1 AND consumed_at IS NULL AND expires_at > $2 RETURNING 1',
      [request.value, now],
    );
    if (used.length === 1) return 'ok';
    const [row] = await this.#query('SELECT consumed_at FROM challenges WHERE value = $1', [request.value]);
    if (!row) return 'unknown';
    return row.consumed_at === null ? 'expired' : 'reused';
  }

  async deleteExpiredChallenges(now: Date): Promise<number> {
    const deleted = await this.#db.query('DELETE FROM challenges WHERE expires_at <= $1', [now.getTime()]);
    return deleted.rowCount ?? 0;
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/**
 * Applies missing migrations in one transaction holding an advisory lock scoped to the current schema, so
 * instances starting together take turns and the later ones find nothing to do.
 */
async function migrate(client: Queryable): Promise<void> {
  await client.query(
    `SELECT pg_advisory_xact_lock(hashtext('skills-passport-store:' || coalesce(current_schema(), '')))`,
  );
  await client.query(SCHEMA_MIGRATIONS_TABLE);
  const applied = new Set(
    (await client.query('SELECT version FROM schema_migrations')).rows.map(
      (row: Row) => row.version as number,
    ),
  );
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  const newest = Math.max(0, ...applied);
  if (newest > latest) {
    throw new StoreError(
      StoreErrorCodes.schemaTooNew,
      `The database is at schema version ${newest}, newer than this package knows (${latest}). Upgrade the package.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await client.query(migration.postgres);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      new Date().toISOString(),
    ]);
  }
}
