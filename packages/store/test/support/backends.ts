import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** A database the tests can open by URL and peek into with raw SQL. */
export interface TestDatabase {
  url: string;
  /** Raw read-only query, bypassing the store, to look at what is really on disk. */
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** One backend the shared suite runs against. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** False when the backend cannot run here (PostgreSQL without TEST_POSTGRES_URL). */
  available: boolean;
  /** A fresh, empty database (SQLite file / PostgreSQL schema), removed by `cleanup`. */
  freshDatabase(): Promise<TestDatabase>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): TestBackend {
  let dir: string | undefined;
  return {
    name: 'sqlite',
    available: true,
    async freshDatabase() {
      dir ??= mkdtempSync(join(tmpdir(), 'passport-store-'));
      const path = join(dir, `${randomBytes(6).toString('hex')}.db`);
      return {
        url: `sqlite:${path}`,
        async query(sql) {
          const db = new Database(path, { readonly: true });
          try {
            return db.prepare(sql).all() as Record<string, unknown>[];
          } finally {
            db.close();
          }
        },
      };
    },
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(baseUrl: string | undefined): TestBackend {
  const schemas: string[] = [];
  let admin: pg.Pool | undefined;
  const pool = () => {
    admin ??= new pg.Pool({ connectionString: baseUrl, max: 2 });
    return admin;
  };
  return {
    name: 'postgres',
    available: baseUrl !== undefined && baseUrl !== '',
    async freshDatabase() {
      // A random schema per database keeps parallel test files and reruns apart; search_path points the store at it.
      const schema = `passport_test_${randomBytes(6).toString('hex')}`;
      await pool().query(`CREATE SCHEMA ${schema}`);
      schemas.push(schema);
      const url = new URL(baseUrl as string);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        url: url.toString(),
        async query(sql) {
          const client = await pool().connect();
          try {
            await client.query(`SET search_path TO ${schema}`);
            return (await client.query(sql)).rows;
          } finally {
            await client.query('RESET search_path');
            client.release();
          }
        },
      };
    },
    async cleanup() {
      for (const schema of schemas) await pool().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin?.end();
    },
  };
}

const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl) {
  console.warn(
    'PostgreSQL store tests are skipped: set TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test).',
  );
}

/** Every backend, PostgreSQL marked unavailable when TEST_POSTGRES_URL is unset. */
export function testBackends(): TestBackend[] {
  return [sqliteBackend(), postgresBackend(postgresUrl)];
}
