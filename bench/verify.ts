// `pnpm bench`: our verifier and issuer side by side with the libraries they stand on, in one process run.
// Prints ops/s with the ratio to each peer and writes bench/results/latest.json. Options:
//   --rounds N (default 5)   --round-ms N (default 1000)   --quick (3 rounds of 300 ms, for a smoke run)
import { createPublicKey, verify as cryptoVerify, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { importJWK, jwtVerify } from 'jose';
import {
  createDidResolver,
  createDocumentLoader,
  createVerifier,
  exportJwk,
  generateKey,
  issueCredential,
  present,
} from '../packages/core/src/index.js';
import {
  type BenchCase,
  type BenchResult,
  formatOps,
  machine,
  measure,
  measureInterleaved,
} from './harness.js';
import { vcOnEveryCore } from './vc-on-every-core.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const numberArg = (flag: string, fallback: number) => {
  const index = args.indexOf(flag);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const options = {
  rounds: numberArg('--rounds', quick ? 3 : 5),
  roundMs: numberArg('--round-ms', quick ? 300 : 1000),
};

const issuerKey = await generateKey({ type: 'Ed25519' });
const holderKey = await generateKey({ type: 'Ed25519' });

function unsignedCredential(): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Cyber security essentials',
    issuer: { id: issuerKey.controller, type: ['Profile'], name: 'Bench Training College' },
    validFrom: '2026-01-10T09:00:00Z',
    credentialSubject: {
      id: holderKey.controller,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://training.example.org/achievements/cyber-essentials',
        type: ['Achievement'],
        name: 'Cyber security essentials',
        description: 'A short module on protecting small organisations from common attacks.',
        criteria: { narrative: 'Passed the end-of-module assessment.' },
        achievementType: 'Course',
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Information security',
            targetUrl: 'https://sfia-online.org/',
            targetCode: 'SCTY',
            targetFramework: 'SFIA',
          },
        ],
      },
    },
  };
}

const diCredential = (await issueCredential(unsignedCredential(), { issuerKey, format: 'di' })) as Record<
  string,
  unknown
>;
const jwtCredential = (await issueCredential(unsignedCredential(), {
  issuerKey,
  format: 'jwt',
})) as unknown as string;
const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
const verifyOurs = createVerifier({ documentLoader });

// Peers: the raw signature, jose alone, @digitalbazaar/vc alone.
const raw = generateKeyPairSync('ed25519');
const message = Buffer.alloc(64, 7); // eddsa-rdfc-2022 signs two SHA-256 hashes: 64 bytes
const signature = sign(null, message, raw.privateKey);
const publicKey = createPublicKey(raw.publicKey.export({ format: 'pem', type: 'spki' }));
const joseKey = await importJWK(await exportJwk(issuerKey), 'EdDSA');
const vcSuite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

async function expectVerified(label: string, check: () => Promise<boolean>) {
  if (!(await check()))
    throw new Error(`${label} did not verify: the benchmark would measure a failure path`);
}
await expectVerified('vc.verifyCredential', async () =>
  Boolean((await vc.verifyCredential({ credential: diCredential, suite: vcSuite, documentLoader })).verified),
);
await expectVerified('our verify (DI)', async () => (await verifyOurs(diCredential)).verified);
await expectVerified('our verify (JWT)', async () => (await verifyOurs(jwtCredential)).verified);

const results: BenchResult[] = [];
const report = (outcomes: BenchResult[], unit = 'ops/s') => {
  for (const outcome of outcomes) {
    results.push(outcome);
    process.stderr.write(`  ${outcome.name}: ${formatOps(outcome.opsPerSecond)} ${unit}\n`);
  }
};
const perItem = (outcome: BenchResult, items: number): BenchResult => ({
  ...outcome,
  opsPerSecond: outcome.opsPerSecond * items,
  rounds: outcome.rounds.map((value) => value * items),
});

process.stderr.write(
  `Benchmarking (${options.rounds} rounds of ${options.roundMs} ms per case; cases compared with each other take their rounds in turn)\n`,
);
// First sight: the result cache is off, so every call canonicalizes and checks the signature in full.
const verifyUncached = createVerifier({ documentLoader, resultCache: { maxEntries: 0 } });
report(
  await measureInterleaved(
    [
      {
        name: 'node:crypto Ed25519 verify (raw)',
        operation: () => cryptoVerify(null, message, publicKey, signature),
      },
      { name: 'jose jwtVerify (EdDSA)', operation: () => jwtVerify(jwtCredential, joseKey) },
      {
        name: '@digitalbazaar/vc verifyCredential (eddsa-rdfc-2022)',
        operation: () => vc.verifyCredential({ credential: diCredential, suite: vcSuite, documentLoader }),
      },
      { name: 'skills-passport verify (JWT)', operation: () => verifyOurs(jwtCredential) },
      {
        name: 'skills-passport verify (DI, seen before: result cache)',
        operation: () => verifyOurs(diCredential),
      },
      { name: 'skills-passport verify (DI, first sight)', operation: () => verifyUncached(diCredential) },
    ],
    options,
  ),
);

// The same first-sight comparison for a P-256 issuer (ecdsa-rdfc-2019), whose key the library imports through
// WebCrypto on every proof check unless the verifier is kept.
const p256Key = await generateKey({ type: 'P-256' });
const p256Credential = (await issueCredential(
  { ...unsignedCredential(), issuer: { id: p256Key.controller, type: ['Profile'], name: 'Bench Vendor' } },
  { issuerKey: p256Key, format: 'di' },
)) as Record<string, unknown>;
const p256Suite = new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 });
await expectVerified('vc.verifyCredential (P-256)', async () =>
  Boolean(
    (await vc.verifyCredential({ credential: p256Credential, suite: p256Suite, documentLoader })).verified,
  ),
);
report(
  await measureInterleaved(
    [
      {
        name: '@digitalbazaar/vc verifyCredential (ecdsa-rdfc-2019, P-256)',
        operation: () =>
          vc.verifyCredential({ credential: p256Credential, suite: p256Suite, documentLoader }),
      },
      {
        name: 'skills-passport verify (DI P-256, first sight)',
        operation: () => verifyUncached(p256Credential),
      },
    ],
    options,
  ),
);

// A batch of 100 distinct credentials, result cache off: @digitalbazaar/vc one after another against ours with the
// worker pool (all verified concurrently). Ours on one thread is measured after them, not in turn with them: its 100
// canonicalizations in flight at once grow this process's heap, which slowed the pool's rounds that followed by
// 20-30% in trials, a cost no deployment (one verifier per process) would see.
const batch = await Promise.all(
  Array.from({ length: 100 }, () => issueCredential(unsignedCredential(), { issuerKey, format: 'di' })),
);
// Workers kept between rounds, as a long-running service would: the other cases' rounds in between would otherwise
// outlast the default idle second, and each round would time a thread starting rather than proofs.
const verifyPool = createVerifier({ resultCache: { maxEntries: 0 }, proofWorkerIdleMs: 60_000 });
// The machine's own ceiling, measured in turn with the two: @digitalbazaar/vc alone on a thread per core, each
// verifying its share of the batch (sent once), shows how much more than one thread's work every core gives here.
const vcEveryCore = vcOnEveryCore(batch);
await expectVerified(
  'vc.verifyCredential on every core',
  async () => (await vcEveryCore.verifyAll()) === batch.length,
);
const verifyNoPool = createVerifier({ resultCache: { maxEntries: 0 }, proofWorkers: 0 });
const batchResults = [
  ...(await measureInterleaved(
    [
      {
        name: '@digitalbazaar/vc verifyCredential, batch of 100 DI one after another (credentials/s)',
        operation: async () => {
          for (const credential of batch) {
            await vc.verifyCredential({ credential, suite: vcSuite, documentLoader });
          }
        },
      },
      {
        name: 'skills-passport verify batch of 100 DI, worker pool (credentials/s)',
        operation: () => Promise.all(batch.map((credential) => verifyPool(credential))),
      },
      {
        name: `@digitalbazaar/vc verifyCredential on ${vcEveryCore.threads} threads, batch of 100 DI (credentials/s)`,
        operation: () => vcEveryCore.verifyAll(),
      },
    ],
    options,
  )),
  await measure('skills-passport verify batch of 100 DI, one thread (credentials/s)', () =>
    Promise.all(batch.map((credential) => verifyNoPool(credential))),
  ),
];
report(
  batchResults.map((outcome) => perItem(outcome, batch.length)),
  'credentials/s',
);
await vcEveryCore.close();

report(
  await measureInterleaved(
    [
      {
        name: 'skills-passport issue (JWT)',
        operation: () => issueCredential(unsignedCredential(), { issuerKey, format: 'jwt' }),
      },
      {
        name: 'skills-passport issue (DI)',
        operation: () => issueCredential(unsignedCredential(), { issuerKey, format: 'di' }),
      },
    ],
    options,
  ),
);

// Passports of all-DI and all-JWT credentials, result cache off (first sight), so a passport costs what its proofs
// cost; next to them, the 50 DI credentials of the largest passport verified one by one, the issue's yardstick.
const passportOptions = { challenge: 'bench-challenge', domain: 'https://jobs.example.com' };
const passportCases: BenchCase[] = [];
let fiftySingles: Array<object | string> = [];
for (const format of ['di', 'jwt'] as const) {
  for (const size of [1, 10, 50]) {
    const credentials = await Promise.all(
      Array.from({ length: size }, () => issueCredential(unsignedCredential(), { issuerKey, format })),
    );
    if (format === 'di' && size === 50) fiftySingles = credentials as Array<object | string>;
    const passport = await present(credentials as Array<object | string>, {
      holderKey,
      format,
      ...passportOptions,
    });
    const name = `skills-passport verify passport of ${size} ${format.toUpperCase()}, first sight`;
    const passportReport = await verifyPool(passport, passportOptions);
    if (!passportReport.verified) {
      process.stderr.write(
        `  ${name}: skipped, does not verify (${passportReport.checks.map((c) => c.code).join(', ')})\n`,
      );
      continue;
    }
    passportCases.push({ name, operation: () => verifyPool(passport, passportOptions) });
  }
}
passportCases.push({
  name: 'skills-passport verify the 50 DI credentials one by one, first sight (sets of 50/s)',
  operation: async () => {
    for (const credential of fiftySingles) await verifyUncached(credential);
  },
});
report(await measureInterleaved(passportCases, options));

// The issue's targets, each a ratio of cases measured in turn in the same group: [target, ours, peer, met].
const opsOf = (name: string) =>
  results.find((entry) => entry.name.startsWith(name))?.opsPerSecond ?? Number.NaN;
const vcAlone = '@digitalbazaar/vc verifyCredential (eddsa';
const targets = (
  [
    ['JWT verify >= 0.7x jose jwtVerify', 'skills-passport verify (JWT)', 'jose jwtVerify', (r) => r >= 0.7],
    [
      'DI first sight >= 0.95x @digitalbazaar/vc, one thread',
      'skills-passport verify (DI, first sight)',
      vcAlone,
      (r) => r >= 0.95,
    ],
    [
      'batch of 100 DI with the pool >= 1.7x @digitalbazaar/vc',
      'skills-passport verify batch of 100 DI, worker pool',
      '@digitalbazaar/vc verifyCredential, batch of 100',
      (r) => r >= 1.7,
    ],
    [
      'DI seen before >= 20x @digitalbazaar/vc',
      'skills-passport verify (DI, seen before',
      vcAlone,
      (r) => r >= 20,
    ],
    // Time taken is the inverse of ops/s: the singles' rate over the passport's.
    [
      '50-credential DI passport < 60% of 50 single verifications (time)',
      'skills-passport verify the 50 DI credentials one by one',
      'skills-passport verify passport of 50 DI',
      (r) => r < 0.6,
    ],
  ] as Array<[string, string, string, (ratio: number) => boolean]>
).map(([target, ours, peer, met]) => {
  const ratio = opsOf(ours) / opsOf(peer);
  return { target, ratio: Number(ratio.toFixed(3)), met: met(ratio) };
});

const peers = results.slice(0, 3);
const header = ['case', 'ops/s', ...peers.map((peer) => `vs ${peer.name.split(' ')[0]}`)];
const rows = results.map((entry) => [
  entry.name,
  formatOps(entry.opsPerSecond),
  ...peers.map((peer) => `${(entry.opsPerSecond / peer.opsPerSecond).toFixed(3)}x`),
]);
const widths = header.map((_, column) =>
  Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
);
const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
const host = machine();
console.log(`\n${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
const p256Ratio =
  opsOf('skills-passport verify (DI P-256') / opsOf('@digitalbazaar/vc verifyCredential (ecdsa-rdfc-2019');
console.log(
  `\nP-256 DI first sight: ${p256Ratio.toFixed(3)}x @digitalbazaar/vc (ecdsa-rdfc-2019), measured in turn`,
);
// How much two threads (or however many cores) give the library itself here, beside the pool target (>= 1.7x).
const parallelCeiling = {
  threads: vcEveryCore.threads,
  ratio: Number(
    (
      opsOf('@digitalbazaar/vc verifyCredential on ') /
      opsOf('@digitalbazaar/vc verifyCredential, batch of 100')
    ).toFixed(3),
  ),
};
console.log(
  `Parallel ceiling: @digitalbazaar/vc alone on ${parallelCeiling.threads} threads does ${parallelCeiling.ratio.toFixed(3)}x its one-thread batch (our pool's ratio is the pool target's line below)`,
);
console.log('\nIssue 9 targets (ratios of cases measured in turn):');
for (const { target, ratio, met } of targets) {
  console.log(`  ${met ? 'met    ' : 'not met'}  ${ratio.toFixed(3).padStart(7)}  ${target}`);
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine: host, options, results, targets, p256Ratio, parallelCeiling }, null, 2)}\n`,
);
