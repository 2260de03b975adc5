// Store throughput: status index allocation plus issuance records, in batches of 100 per transaction,
// on SQLite (always) and PostgreSQL (when TEST_POSTGRES_URL is set). Not a test; numbers depend on the disk.
// Run: node --import tsx bench/store-issuance.ts [batches]
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IssuanceRecord, openStore } from '../packages/store/src/index.js';

// pg is a dependency of the store package, not of the repository root, so resolve it from there.
const pg = createRequire(new URL('../packages/store/package.json', import.meta.url))(
  'pg',
) as typeof import('pg');

const BATCH = 100;
const batches = Number(process.argv[2] ?? 50);

async function measure(label: string, url: string): Promise<void> {
  const store = await openStore(url, { secret: randomBytes(32) });
  const issuerId = `bench-${randomBytes(4).toString('hex')}`;
  // One warm-up batch so connection set-up and the first list's creation are not timed.
  await store.allocateStatusIndexes({ issuerId, purpose: 'revocation', count: BATCH });
  const started = process.hrtime.bigint();
  for (let batch = 0; batch < batches; batch++) {
    const allocations = await store.allocateStatusIndexes({ issuerId, purpose: 'revocation', count: BATCH });
    const records: IssuanceRecord[] = allocations.map(({ listId, index }) => {
      const credentialId = `urn:uuid:${randomUUID()}`;
      return {
        credentialId,
        issuerId,
        subjectId: `did:key:z6Mk${randomBytes(8).toString('hex')}`,
        kind: 'micro-module',
        achievementId: 'https://example.org/achievements/spreadsheets-1',
        achievementName: 'Spreadsheets 1',
        skills: [{ framework: 'EDS', code: 'transacting' }],
        level: 'essential',
        areaCode: 'E09000001',
        issuedAt: new Date().toISOString(),
        credentialHash: createHash('sha256').update(credentialId).digest('hex'),
        status: [{ listId, index, purpose: 'revocation' }],
      };
    });
    await store.recordIssuances(records);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const total = batches * BATCH;
  console.log(
    `${label.padEnd(10)} ${total} issuances in ${batches} batches of ${BATCH}: ` +
      `${Math.round(total / seconds)} ops/s (${((seconds * 1000) / batches).toFixed(1)} ms per batch)`,
  );
  await store.close();
}

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'} x ${cpu.length}, node ${process.version}, ${process.platform}`,
);
console.log('one op = one status index allocated and one issuance record written (2 transactions per batch)');

const dir = mkdtempSync(join(tmpdir(), 'passport-bench-'));
try {
  await measure('sqlite', `sqlite:${join(dir, 'bench.db')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const postgresUrl = process.env.TEST_POSTGRES_URL;
if (postgresUrl) {
  const schema = `passport_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    await measure('postgres', url.toString());
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('postgres   skipped: set TEST_POSTGRES_URL to measure PostgreSQL');
}
