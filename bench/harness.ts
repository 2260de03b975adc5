// A tiny benchmark harness: each case runs in rounds of a fixed duration; the median round's ops/s is reported,
// so one slow round (GC, another process) does not decide the figure.
import { cpus, totalmem } from 'node:os';

export interface BenchResult {
  name: string;
  opsPerSecond: number;
  rounds: number[];
}

export interface BenchOptions {
  rounds?: number;
  roundMs?: number;
}

export interface BenchCase {
  name: string;
  operation: () => unknown;
}

/** One case on its own: `measureInterleaved` with a single case. */
export async function measure(
  name: string,
  operation: () => unknown,
  options: BenchOptions = {},
): Promise<BenchResult> {
  const [result] = await measureInterleaved([{ name, operation }], options);
  return result as BenchResult;
}

/**
 * Cases compared with each other, measured in turn round by round (case 1, case 2, ..., then round 2), so a slow
 * spell of a shared machine lowers every case's round alike and their ratios hold; each case's median round is
 * reported.
 */
export async function measureInterleaved(
  cases: BenchCase[],
  options: BenchOptions = {},
): Promise<BenchResult[]> {
  const rounds = options.rounds ?? 5;
  const roundMs = options.roundMs ?? 1000;
  // Warm-up, one round's length, not timed: first-call caches, and the JIT, which needs many calls before it
  // optimizes a long code path (with one call each, a long path's first round was timed mostly unoptimized).
  for (const { operation } of cases) await runFor(operation, roundMs);
  const perRound = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, { operation }] of cases.entries()) {
      perRound[index]?.push(await runFor(operation, roundMs));
    }
  }
  return cases.map(({ name }, index) => {
    const measured = perRound[index] ?? [];
    const sorted = [...measured].sort((a, b) => a - b);
    return { name, opsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, rounds: measured };
  });
}

/** Runs the operation one call after another for at least `ms`; returns the calls per second. */
async function runFor(operation: () => unknown, ms: number): Promise<number> {
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    await operation();
    ops++;
    elapsed = performance.now() - started;
  } while (elapsed < ms);
  return (ops * 1000) / elapsed;
}

/** What the figures were measured on: they mean nothing without it. */
export function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function formatOps(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1);
}
