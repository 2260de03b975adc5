import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
import { readBit, writeBit } from '../status/bitstring.js';
import {
  checkAllocationRequest,
  checkStatusIndex,
  newStatusList,
  unknownStatusList,
} from '../status/status-list-rules.js';
import { StoreError, StoreErrorCodes } from '../store-error.js';
import { keyContext, type ResolvedStoreOptions, requireSecretBox } from '../store-options.js';

type Row = Record<string, unknown>;

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

function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * SQLite backend (better-sqlite3). WAL lets readers run beside the single writer; `synchronous=FULL` makes
 * every commit fsync the WAL, so a write acknowledged to a caller survives a power cut, not only a process
 * crash; every write transaction starts with `BEGIN IMMEDIATE` so concurrent processes queue on the write
 * lock (up to `busy_timeout`) instead of failing half-way with SQLITE_BUSY.
 */
export class SqliteIssuerStore implements IssuerStore {
  readonly backend = 'sqlite' as const;
  readonly #options: ResolvedStoreOptions;
  #db: Database.Database | undefined;

  private constructor(db: Database.Database, options: ResolvedStoreOptions) {
    this.#db = db;
    this.#options = options;
  }

  /**
   * Opens (creating the folder and file if needed) and migrates a database file, or `:memory:`.
   *
   * @example
   * const store = SqliteIssuerStore.open('./data/passport.db', resolveStoreOptions({ secret }));
   */
  static open(path: string, options: ResolvedStoreOptions): SqliteIssuerStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { timeout: options.busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteIssuerStore(db, options);
  }

  get #conn(): Database.Database {
    if (!this.#db) throw new StoreError(StoreErrorCodes.closed, 'The store is closed.');
    return this.#db;
  }

  async saveIssuer(issuer: IssuerRecord, options: { createOnly?: boolean } = {}): Promise<boolean> {
    const box = requireSecretBox(this.#options);
    const db = this.#conn;
    const now = new Date().toISOString();
    const sealed = issuer.keys.map((key) => ({
      key,
      sealed: box.seal(key.secret, keyContext(issuer.id, key.id)),
    }));
    return db
      .transaction(() => {
        const onConflict = options.createOnly
          ? 'DO NOTHING'
          : `DO UPDATE SET name = excluded.name, did = excluded.did, profile = excluded.profile,
           updated_at = excluded.updated_at`;
        const { changes } = db
          .prepare(
            `INSERT INTO issuers (id, name, did, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) ${onConflict}`,
          )
          .run(issuer.id, issuer.name, issuer.did, JSON.stringify(issuer.profile), now, now);
        if (changes === 0) return false;
        db.prepare('DELETE FROM issuer_keys WHERE issuer_id = ?').run(issuer.id);
        const insertKey = db.prepare(
          'INSERT INTO issuer_keys (issuer_id, key_id, type, public_jwk, secret_sealed) VALUES (?, ?, ?, ?, ?)',
        );
        for (const { key, sealed: text } of sealed) {
          insertKey.run(
            issuer.id,
            key.id,
            key.type,
            key.publicJwk ? JSON.stringify(key.publicJwk) : null,
            text,
          );
        }
        return true;
      })
      .immediate();
  }

  async getIssuer(id: string): Promise<IssuerRecord | undefined> {
    const db = this.#conn;
    const issuer = db.prepare('SELECT id, name, did, profile FROM issuers WHERE id = ?').get(id) as
      | Row
      | undefined;
    if (!issuer) return undefined;
    const keys = db
      .prepare(
        'SELECT key_id, type, public_jwk, secret_sealed FROM issuer_keys WHERE issuer_id = ? ORDER BY key_id',
      )
      .all(id) as Row[];
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
    const db = this.#conn;
    const issuers = db.prepare('SELECT id, name, did, profile FROM issuers ORDER BY id').all() as Row[];
    const keys = db.prepare('SELECT issuer_id, key_id FROM issuer_keys ORDER BY key_id').all() as Row[];
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
    const db = this.#conn;
    const size = this.#options.statusListSize;
    // Only counters move inside the transaction; indexes are computed from (seed, counter) after commit.
    const ranges: AllocatedRange[] = [];
    db.transaction(() => {
      let remaining = request.count;
      while (remaining > 0) {
        let list = db
          .prepare(
            `SELECT id, seed, size, allocated FROM status_lists
             WHERE issuer_id = ? AND purpose = ? AND allocated < size ORDER BY created_at, id LIMIT 1`,
          )
          .get(request.issuerId, request.purpose) as Row | undefined;
        if (!list) {
          const fresh = newStatusList(size);
          db.prepare(
            `INSERT INTO status_lists (id, issuer_id, purpose, size, seed, bits, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            fresh.id,
            request.issuerId,
            request.purpose,
            size,
            fresh.seed,
            fresh.bits,
            new Date().toISOString(),
          );
          list = { id: fresh.id, seed: fresh.seed, size, allocated: 0 };
        }
        const from = list.allocated as number;
        const take = Math.min(remaining, (list.size as number) - from);
        db.prepare('UPDATE status_lists SET allocated = ? WHERE id = ?').run(from + take, list.id);
        ranges.push({
          id: list.id as string,
          seed: list.seed as Buffer,
          size: list.size as number,
          from,
          to: from + take,
        });
        remaining -= take;
      }
    }).immediate();
    return expandRanges(ranges);
  }

  async setStatus(change: { listId: string; index: number; value: boolean }): Promise<{
    changed: boolean;
    version: number;
  }> {
    const db = this.#conn;
    return db
      .transaction(() => {
        const row = db
          .prepare('SELECT size, bits, version FROM status_lists WHERE id = ?')
          .get(change.listId) as Row | undefined;
        if (!row) throw unknownStatusList(change.listId);
        checkStatusIndex(change.index, row.size as number);
        const bits = row.bits as Buffer;
        if (!writeBit(bits, change.index, change.value))
          return { changed: false, version: row.version as number };
        const version = (row.version as number) + 1;
        db.prepare('UPDATE status_lists SET bits = ?, version = ? WHERE id = ?').run(
          bits,
          version,
          change.listId,
        );
        return { changed: true, version };
      })
      .immediate();
  }

  async getStatusBit(listId: string, index: number): Promise<boolean> {
    const row = this.#conn.prepare('SELECT size, bits FROM status_lists WHERE id = ?').get(listId) as
      | Row
      | undefined;
    if (!row) throw unknownStatusList(listId);
    checkStatusIndex(index, row.size as number);
    return readBit(row.bits as Buffer, index);
  }

  async getStatusList(listId: string): Promise<StatusList | undefined> {
    const row = this.#conn
      .prepare(`SELECT ${LIST_SUMMARY_COLUMNS}, bits, credential FROM status_lists WHERE id = ?`)
      .get(listId) as Row | undefined;
    if (!row) return undefined;
    return {
      ...toListSummary(row),
      bits: new Uint8Array(row.bits as Buffer),
      credential: row.credential === null ? null : JSON.parse(row.credential as string),
    };
  }

  async listStatusLists(issuerId?: string): Promise<StatusListSummary[]> {
    const db = this.#conn;
    const rows = (
      issuerId === undefined
        ? db.prepare(`SELECT ${LIST_SUMMARY_COLUMNS} FROM status_lists ORDER BY created_at, id`).all()
        : db
            .prepare(
              `SELECT ${LIST_SUMMARY_COLUMNS} FROM status_lists WHERE issuer_id = ? ORDER BY created_at, id`,
            )
            .all(issuerId)
    ) as Row[];
    return rows.map(toListSummary);
  }

  async saveStatusListCredential(entry: {
    listId: string;
    version: number;
    credential: unknown;
  }): Promise<boolean> {
    const db = this.#conn;
    const result = db
      .prepare('UPDATE status_lists SET credential = ?, credential_version = ? WHERE id = ? AND version = ?')
      .run(JSON.stringify(entry.credential), entry.version, entry.listId, entry.version);
    if (result.changes === 1) return true;
    if (!db.prepare('SELECT 1 FROM status_lists WHERE id = ?').get(entry.listId))
      throw unknownStatusList(entry.listId);
    return false;
  }

  async recordIssuances(records: IssuanceRecord[]): Promise<void> {
    const rows = records.map(toIssuanceRow);
    const db = this.#conn;
    const recordedAt = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO issuances (${ISSUANCE_COLUMNS.join(', ')}, recorded_at)
       VALUES (${ISSUANCE_COLUMNS.map(() => '?').join(', ')}, ?)`,
    );
    try {
      db.transaction(() => {
        for (const row of rows) insert.run(...row, recordedAt);
      }).immediate();
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
    const row = this.#conn.prepare('SELECT * FROM issuances WHERE credential_id = ?').get(credentialId) as
      | Row
      | undefined;
    return row ? fromIssuanceRow(row) : undefined;
  }

  async findIssuanceByBatchKey(batchKey: string): Promise<IssuanceRecord | undefined> {
    const row = this.#conn.prepare('SELECT * FROM issuances WHERE batch_key = ?').get(batchKey) as
      | Row
      | undefined;
    return row ? fromIssuanceRow(row) : undefined;
  }

  async *listIssuances(query: IssuanceQuery = {}): AsyncIterable<IssuanceRecord> {
    const filters: [string, unknown][] = [];
    if (query.issuerId !== undefined) filters.push(['issuer_id = ?', query.issuerId]);
    if (query.areaCode !== undefined) filters.push(['area_code = ?', query.areaCode]);
    if (query.from !== undefined) filters.push(['issued_at >= ?', normaliseInstant(query.from, 'from')]);
    if (query.to !== undefined) filters.push(['issued_at < ?', normaliseInstant(query.to, 'to')]);
    let after: [string, string] | undefined;
    for (;;) {
      const page = filters.map(([clause]) => clause);
      const pageParams = filters.map(([, value]) => value);
      if (after) {
        page.push('(issued_at > ? OR (issued_at = ? AND credential_id > ?))');
        pageParams.push(after[0], after[0], after[1]);
      }
      const rows = this.#conn
        .prepare(
          `SELECT * FROM issuances ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
           ORDER BY issued_at, credential_id LIMIT ${ISSUANCE_PAGE_SIZE}`,
        )
        .all(...pageParams) as Row[];
      for (const row of rows) yield fromIssuanceRow(row);
      const last = rows.at(-1);
      if (!last || rows.length < ISSUANCE_PAGE_SIZE) return;
      after = [last.issued_at as string, last.credential_id as string];
    }
  }

  async saveChallenge(challenge: ChallengeRecord): Promise<void> {
    try {
      this.#conn
        .prepare('INSERT INTO challenges (value, domain, expires_at, created_at) VALUES (?, ?, ?, ?)')
        .run(
          challenge.value,
          challenge.domain ?? null,
          challenge.expiresAt.getTime(),
          new Date().toISOString(),
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
    const db = this.#conn;
    const now = request.now.getTime();
    // One UPDATE is atomic, also across processes: only the first consumer finds consumed_at still NULL.
    const used = db
      .prepare(
        'UPDATE challenges SET consumed_at = ? WHERE value = ? AND consumed_at IS NULL AND expires_at > ?',
      )
      .run(now, request.value, now);
    if (used.changes === 1) return 'ok';
    const row = db.prepare('SELECT consumed_at FROM challenges WHERE value = ?').get(request.value) as
      | Row
      | undefined;
    if (!row) return 'unknown';
    return row.consumed_at === null ? 'expired' : 'reused';
  }

  async deleteExpiredChallenges(now: Date): Promise<number> {
    return this.#conn.prepare('DELETE FROM challenges WHERE expires_at <= ?').run(now.getTime()).changes;
  }

  async ping(): Promise<void> {
    this.#conn.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.#db?.close();
    this.#db = undefined;
  }
}

/**
 * Applies missing migrations inside `BEGIN IMMEDIATE`, so two processes opening a new file at once take
 * turns: the second sees the first one's versions and applies nothing.
 */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA_MIGRATIONS_TABLE);
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map(
        (row) => row.version as number,
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
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
  }).immediate();
}
