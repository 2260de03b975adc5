import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh schema on the test PostgreSQL server (TEST_POSTGRES_URL), so parallel test files and reruns never
 * share tables; returns the store URL pointing at it and a function that drops it.
 */
export async function freshPostgresSchema(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `passport_server_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
