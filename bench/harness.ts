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
  for (const { operation } of cases) await operation(); // warm-up: first-call caches and JIT, not timed
  const perRound = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, { operation }] of cases.entries()) {
      let ops = 0;
      const started = performance.now();
      let elapsed = 0;
      while (elapsed < roundMs) {
        await operation();
        ops++;
        elapsed = performance.now() - started;
      }
      perRound[index]?.push((ops * 1000) / elapsed);
    }
  }
  return cases.map(({ name }, index) => {
    const measured = perRound[index] ?? [];
    const sorted = [...measured].sort((a, b) => a - b);
    return { name, opsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, rounds: measured };
  });
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
