// The hostile-input corpus (conformance/hostile/cases.json): every case must get its expected code, `verify` must
// settle within 2 s without throwing, and only the URLs the case expects may be fetched, all in-process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  createMemoryChallengeStore,
  createVerifier,
  type VerificationReport,
} from '../packages/core/src/index.js';
import { buildRecipe, type RecipeBase } from './hostile/recipes.js';
import { scenarioNetwork } from './hostile/scenario-fetch.js';
import type { CaseTable, HostileCase } from './hostile/table.js';

const ROOT = fileURLToPath(new URL('./hostile/', import.meta.url));
const table = JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as CaseTable;
const base: RecipeBase = {
  credential: JSON.parse(readFileSync(join(ROOT, 'cases/control/di-valid.json'), 'utf8')),
  jwt: readFileSync(join(ROOT, 'cases/control/jwt-valid.jwt'), 'utf8'),
};
const DEADLINE_MS = 2000;

function inputOf(row: HostileCase): string | object | Uint8Array {
  if (row.generate) return buildRecipe(row.generate, base);
  const bytes = readFileSync(join(ROOT, row.file!));
  if (row.as === 'bytes') return new Uint8Array(bytes);
  const text = bytes.toString('utf8');
  return row.as === 'object' ? JSON.parse(text) : text;
}

function allChecks(report: VerificationReport): CheckResult[] {
  return [...report.checks, ...report.credentials.flatMap((credential) => credential.checks)];
}

/** Settles with the report, or with 'timeout' once the deadline passes (no assertion on speed, only on settling). */
function withDeadline<T>(promise: Promise<T>): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DEADLINE_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A verifier's challenge store holding the case's issued challenges, some already used up. */
async function challengeStore(challenges: { issued: string[]; used: string[] }, now: Date) {
  const store = createMemoryChallengeStore();
  const expiresAt = new Date(now.getTime() + 10 * 60 * 1000);
  for (const value of challenges.issued) await store.saveChallenge({ value, expiresAt });
  for (const value of challenges.used) await store.consumeChallenge({ value, now });
  return store;
}

describe('the hostile-input corpus table', () => {
  it('has at least 80 cases, unique ids, and covers every class the issue names', () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(table.cases.map((row) => row.id)).size).toBe(table.cases.length);
    const classes = new Set(table.cases.map((row) => row.class));
    for (const name of ['signature', 'jwt', 'jsonld', 'did', 'status', 'resource'])
      expect(classes).toContain(name);
  });

  it('names only known scenarios, and expects fetches only of URLs its scenario serves', () => {
    for (const row of table.cases) {
      const scenario = table.scenarios[row.options.scenario];
      expect(scenario, row.id).toBeDefined();
      for (const url of row.fetches) expect(Object.keys(scenario!.routes), row.id).toContain(url);
    }
  });
});

describe('every hostile case gets its expected code', () => {
  it.each(table.cases.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    const network = scenarioNetwork(table.scenarios[row.options.scenario]!, ROOT);
    const now = () => new Date(row.options.now);
    const fetchOptions = {
      fetch: network.fetch,
      lookup: network.lookup,
      ...(row.options.fetchTimeoutMs ? { timeoutMs: row.options.fetchTimeoutMs } : {}),
    };
    const verify = createVerifier({
      now,
      resolverOptions: fetchOptions,
      proofWorkers: 0,
      ...(row.options.challenges
        ? { challengeStore: await challengeStore(row.options.challenges, now()) }
        : {}),
    });
    const callOptions = {
      ...(row.options.challenge ? { challenge: row.options.challenge } : {}),
      ...(row.options.domain ? { domain: row.options.domain } : {}),
    };

    const report = await withDeadline(verify(inputOf(row), callOptions));

    expect(report, 'verify did not settle within 2 s').not.toBe('timeout');
    const settled = report as VerificationReport;
    const matching = allChecks(settled).filter(
      (check) => check.check === row.expect.check && check.code === row.expect.code,
    );
    expect(
      matching.map((check) => check.outcome),
      JSON.stringify(allChecks(settled).map(({ check, outcome, code }) => `${check}:${outcome}:${code}`)),
    ).toContain(row.expect.outcome);
    expect(settled.verified).toBe(row.verified);
    expect([...new Set(network.fetched)].sort()).toEqual([...row.fetches].sort());
  });
});
