// `pnpm bench`: our verifier and issuer side by side with the libraries they stand on, in one process run.
// Prints ops/s with the ratio to each peer and writes bench/results/latest.json. Options:
//   --rounds N (default 5)   --round-ms N (default 1000)   --quick (3 rounds of 300 ms, for a smoke run)
import { createPublicKey, verify as cryptoVerify, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
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
import { type BenchResult, formatOps, machine, measure } from './harness.js';

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
const run = async (name: string, operation: () => unknown) => {
  const outcome = await measure(name, operation, options);
  results.push(outcome);
  process.stderr.write(`  ${name}: ${formatOps(outcome.opsPerSecond)} ops/s\n`);
};

process.stderr.write(`Benchmarking (${options.rounds} rounds of ${options.roundMs} ms per case)\n`);
await run('node:crypto Ed25519 verify (raw)', () => cryptoVerify(null, message, publicKey, signature));
await run('jose jwtVerify (EdDSA)', () => jwtVerify(jwtCredential, joseKey));
await run('@digitalbazaar/vc verifyCredential (eddsa-rdfc-2022)', () =>
  vc.verifyCredential({ credential: diCredential, suite: vcSuite, documentLoader }),
);
await run('skills-passport verify (JWT)', () => verifyOurs(jwtCredential));
await run('skills-passport verify (DI, seen before: result cache)', () => verifyOurs(diCredential));
// First sight: the result cache is off, so every call canonicalizes and checks the signature in full.
const verifyUncached = createVerifier({ documentLoader, resultCache: { maxEntries: 0 } });
await run('skills-passport verify (DI, first sight)', () => verifyUncached(diCredential));
// A batch of 100 distinct credentials verified concurrently, result cache off: the pool's contribution.
const batch = await Promise.all(
  Array.from({ length: 100 }, () => issueCredential(unsignedCredential(), { issuerKey, format: 'di' })),
);
const verifyNoPool = createVerifier({ resultCache: { maxEntries: 0 }, proofWorkers: 0 });
const verifyPool = createVerifier({ resultCache: { maxEntries: 0 } });
const perCredential = (result: BenchResult): BenchResult => ({
  ...result,
  opsPerSecond: result.opsPerSecond * batch.length,
});
for (const [name, verifier] of [
  ['skills-passport verify batch of 100 DI, one thread (credentials/s)', verifyNoPool],
  ['skills-passport verify batch of 100 DI, worker pool (credentials/s)', verifyPool],
] as const) {
  const outcome = perCredential(
    await measure(name, () => Promise.all(batch.map((credential) => verifier(credential))), options),
  );
  results.push(outcome);
  process.stderr.write(`  ${name}: ${formatOps(outcome.opsPerSecond)} credentials/s\n`);
}

await run('skills-passport issue (JWT)', () =>
  issueCredential(unsignedCredential(), { issuerKey, format: 'jwt' }),
);
await run('skills-passport issue (DI)', () =>
  issueCredential(unsignedCredential(), { issuerKey, format: 'di' }),
);

// Passports of all-DI credentials, result cache off (first sight), so a passport costs what its proofs cost.
const passportOptions = { challenge: 'bench-challenge', domain: 'https://jobs.example.com' };
for (const format of ['di', 'jwt'] as const) {
  for (const size of [1, 10, 50]) {
    const credentials = await Promise.all(
      Array.from({ length: size }, () => issueCredential(unsignedCredential(), { issuerKey, format })),
    );
    const passport = await present(credentials as Array<object | string>, {
      holderKey,
      format,
      ...passportOptions,
    });
    const report = await verifyPool(passport, passportOptions);
    const name = `skills-passport verify passport of ${size} ${format.toUpperCase()}, first sight`;
    if (!report.verified) {
      process.stderr.write(
        `  ${name}: skipped, does not verify (${report.checks.map((c) => c.code).join(', ')})\n`,
      );
      continue;
    }
    await run(name, () => verifyPool(passport, passportOptions));
  }
}
const single = results.find((entry) => entry.name === 'skills-passport verify (DI, first sight)');
const fifty = results.find((entry) => entry.name === 'skills-passport verify passport of 50 DI, first sight');
if (single && fifty) {
  const share = single.opsPerSecond / 50 / fifty.opsPerSecond;
  console.log(
    `\nA 50-credential passport takes ${(share * 100).toFixed(0)}% of the time of 50 single verifications.`,
  );
}

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

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine: host, options, results }, null, 2)}\n`,
);
