// Issuances per second through the issuer service: schema check, status index allocation (a transaction),
// Data Integrity signing (eddsa-rdfc-2022) and the issuance log write (another transaction), one credential per
// call, on SQLite (always) and PostgreSQL (when TEST_POSTGRES_URL is set). Also one revocation + list re-sign.
// Not a test; numbers depend on the CPU and the disk.
// Run: node --import tsx bench/issuance.ts [--quick] [--concurrency N]
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIssuerService } from '../packages/core/src/index.js';
import { buildMicroModuleCredential } from '../packages/schemas/src/index.js';
import { openStore } from '../packages/store/src/index.js';
import { type BenchResult, formatOps, machine, measure } from './harness.js';

// pg is a dependency of the store package, not of the repository root, so resolve it from there.
const pg = createRequire(new URL('../packages/store/package.json', import.meta.url))(
  'pg',
) as typeof import('pg');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const concurrencyIndex = args.indexOf('--concurrency');
const concurrency = concurrencyIndex >= 0 ? Number(args[concurrencyIndex + 1]) : 8;
const options = { rounds: quick ? 3 : 5, roundMs: quick ? 300 : 1000 };

function unsigned(): Record<string, unknown> {
  return buildMicroModuleCredential({
    issuerId: 'did:web:placeholder.example',
    issuerName: 'Bench College',
    learnerId: `did:key:z6Mk${randomBytes(16).toString('hex')}`,
    learnerName: 'Bench Learner',
    achievementName: 'Cyber security essentials',
    achievementDescription: 'Protecting devices and data at work.',
    criteria: 'Completed all units and passed the assessment.',
    skills: 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL',
    digitalSkillsLevel: 'general',
    deliveryMode: 'blended',
    notionalLearningHours: '12',
    learningOutcomes: 'Recognise phishing; Use multi-factor authentication',
    validFrom: '2026-03-02',
  }) as unknown as Record<string, unknown>;
}

async function benchBackend(label: string, url: string): Promise<BenchResult[]> {
  const store = await openStore(url, { secret: randomBytes(32) });
  const service = createIssuerService({ store, baseUrl: 'https://passport.example.org' });
  const issuer = await service.createIssuer({ name: `Bench ${label}` });
  const issue = () => service.issue({ issuerId: issuer.id, credential: unsigned() });
  const results: BenchResult[] = [];
  results.push(await measure(`${label}: issue (sequential)`, issue, options));
  // `concurrency` issues in flight at once, as a busy service would have; one op = one credential.
  const parallel = await measure(
    `${label}: issue (${concurrency} concurrent)`,
    () => Promise.all(Array.from({ length: concurrency }, issue)),
    options,
  );
  results.push({ ...parallel, opsPerSecond: parallel.opsPerSecond * concurrency });
  // A cohort: batches of 100 through issueMany (one status allocation and one log transaction per batch).
  for (const format of ['jwt', 'di'] as const) {
    const batch = await measure(
      `${label}: issueMany ${format.toUpperCase()} (batches of 100)`,
      () =>
        service.issueMany(
          Array.from({ length: 100 }, () => ({ issuerId: issuer.id, credential: unsigned(), format })),
        ),
      options,
    );
    results.push({ ...batch, opsPerSecond: batch.opsPerSecond * 100 });
  }
  const { credentialId, status } = await issue();
  const listId = status[0]?.listId as string;
  let suspended = false;
  // Revoke is a one-way bit, so the loop suspends and unsuspends instead: the same write and re-sign path.
  const { credentialId: suspendable } = await service.issue({
    issuerId: issuer.id,
    credential: unsigned(),
    suspendable: true,
  });
  results.push(
    await measure(
      `${label}: status change + list re-sign`,
      async () => {
        suspended = !suspended;
        await service.changeStatus({
          credentialId: suspendable,
          action: suspended ? 'suspend' : 'unsuspend',
        });
      },
      options,
    ),
  );
  await service.changeStatus({ credentialId, action: 'revoke' });
  results.push(
    await measure(`${label}: serve cached status list`, () => service.statusListCredential(listId), options),
  );
  await store.close();
  return results;
}

const results: BenchResult[] = [];
const dir = mkdtempSync(join(tmpdir(), 'passport-bench-'));
try {
  results.push(...(await benchBackend('sqlite', `sqlite:${join(dir, 'bench.db')}`)));
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
    results.push(...(await benchBackend('postgres', url.toString())));
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('postgres skipped: set TEST_POSTGRES_URL to measure PostgreSQL');
}

const host = machine();
console.log(
  `machine: ${host.cpu} x ${host.cores} cores, ${host.memoryGiB} GiB, node ${host.node}, ${host.platform}`,
);
for (const result of results)
  console.log(`${result.name.padEnd(44)} ${formatOps(result.opsPerSecond).padStart(8)} ops/s`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/issuance.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine: host, options: { ...options, concurrency }, results }, null, 2)}\n`,
);
