/**
 * Versioned schema changes, in code so a package upgrade carries its own schema. Each version has one
 * script per dialect; applied versions are recorded in `schema_migrations`. Never edit a released version:
 * add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/**
 * All migrations, oldest first.
 *
 * @example
 * const latest = MIGRATIONS.at(-1)?.version;
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'issuers, status lists, issuance log, challenges',
    sqlite: `
      CREATE TABLE issuers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        did TEXT NOT NULL,
        profile TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE issuer_keys (
        issuer_id TEXT NOT NULL REFERENCES issuers (id) ON DELETE CASCADE,
        key_id TEXT NOT NULL,
        type TEXT NOT NULL,
        public_jwk TEXT,
        secret_sealed TEXT NOT NULL,
        PRIMARY KEY (issuer_id, key_id)
      );
      CREATE TABLE status_lists (
        id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
        size INTEGER NOT NULL CHECK (size > 0),
        seed BLOB NOT NULL,
        bits BLOB NOT NULL,
        version INTEGER NOT NULL DEFAULT 0,
        allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= size),
        credential TEXT,
        credential_version INTEGER,
        created_at TEXT NOT NULL
      );
      CREATE INDEX status_lists_by_issuer ON status_lists (issuer_id, purpose, created_at);
      CREATE TABLE issuances (
        credential_id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('micro-module', 'vendor-certification', 'other')),
        achievement_id TEXT NOT NULL,
        achievement_name TEXT NOT NULL,
        skills TEXT NOT NULL,
        level TEXT CHECK (level IN ('essential', 'general', 'specialist')),
        area_code TEXT,
        issued_at TEXT NOT NULL,
        credential_hash TEXT NOT NULL,
        status TEXT NOT NULL,
        batch_key TEXT UNIQUE,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX issuances_by_time ON issuances (issued_at, credential_id);
      CREATE INDEX issuances_by_issuer ON issuances (issuer_id, issued_at, credential_id);
      CREATE TABLE challenges (
        value TEXT PRIMARY KEY,
        domain TEXT,
        expires_at INTEGER NOT NULL,
        consumed_at INTEGER,
        created_at TEXT NOT NULL
      );
      CREATE INDEX challenges_by_expiry ON challenges (expires_at);
    `,
    postgres: `
      CREATE TABLE issuers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        did TEXT NOT NULL,
        profile JSONB NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE issuer_keys (
        issuer_id TEXT NOT NULL REFERENCES issuers (id) ON DELETE CASCADE,
        key_id TEXT NOT NULL,
        type TEXT NOT NULL,
        public_jwk JSONB,
        secret_sealed TEXT NOT NULL,
        PRIMARY KEY (issuer_id, key_id)
      );
      CREATE TABLE status_lists (
        id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
        size INTEGER NOT NULL CHECK (size > 0),
        seed BYTEA NOT NULL,
        bits BYTEA NOT NULL,
        version INTEGER NOT NULL DEFAULT 0,
        allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= size),
        credential TEXT,
        credential_version INTEGER,
        created_at TEXT NOT NULL
      );
      CREATE INDEX status_lists_by_issuer ON status_lists (issuer_id, purpose, created_at);
      CREATE TABLE issuances (
        credential_id TEXT PRIMARY KEY,
        issuer_id TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('micro-module', 'vendor-certification', 'other')),
        achievement_id TEXT NOT NULL,
        achievement_name TEXT NOT NULL,
        skills JSONB NOT NULL,
        level TEXT CHECK (level IN ('essential', 'general', 'specialist')),
        area_code TEXT,
        issued_at TEXT NOT NULL,
        credential_hash TEXT NOT NULL,
        status JSONB NOT NULL,
        batch_key TEXT UNIQUE,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX issuances_by_time ON issuances (issued_at, credential_id);
      CREATE INDEX issuances_by_issuer ON issuances (issuer_id, issued_at, credential_id);
      CREATE TABLE challenges (
        value TEXT PRIMARY KEY,
        domain TEXT,
        expires_at BIGINT NOT NULL,
        consumed_at BIGINT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX challenges_by_expiry ON challenges (expires_at);
    `,
  },
];

/** SQL that creates the bookkeeping table; identical in both dialects. */
export const SCHEMA_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;
