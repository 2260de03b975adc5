import type { IssuerStore } from './issuer-store.js';
import { PostgresIssuerStore } from './postgres/postgres-store.js';
import { SqliteIssuerStore } from './sqlite/sqlite-store.js';
import { StoreError, StoreErrorCodes } from './store-error.js';
import { resolveStoreOptions, type StoreOptions } from './store-options.js';

/** Where the store lives when no URL is given: a SQLite file under `./data`, created on first use. */
export const DEFAULT_STORE_URL = 'sqlite:./data/passport.db';

/**
 * Opens the store a URL names and brings its schema up to date:
 * - `sqlite:./data/passport.db` (relative to the working directory; the folder is created),
 *   `sqlite:///abs/path.db`, or `sqlite::memory:` for tests;
 * - `postgres://user@host:5432/db` or `postgresql://...` (schema via `?options=-c%20search_path%3Dname`).
 *
 * @example
 * const store = await openStore(process.env.DATABASE_URL ?? DEFAULT_STORE_URL, { secret });
 * await store.ping();
 * await store.close();
 */
export async function openStore(url: string | undefined, options: StoreOptions = {}): Promise<IssuerStore> {
  const target = url ?? DEFAULT_STORE_URL;
  const resolved = resolveStoreOptions(options);
  if (target.startsWith('postgres://') || target.startsWith('postgresql://')) {
    return PostgresIssuerStore.open(target, resolved);
  }
  if (target.startsWith('sqlite:')) {
    const rest = target.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw new StoreError(StoreErrorCodes.urlUnsupported, 'A sqlite: URL needs a file path.');
    return SqliteIssuerStore.open(path, resolved);
  }
  throw new StoreError(
    StoreErrorCodes.urlUnsupported,
    `Unsupported store URL ${JSON.stringify(target.replace(/\/\/[^@/]*@/, '//***@'))}: use sqlite:<path>, ` +
      'sqlite::memory: or postgres://...',
  );
}
