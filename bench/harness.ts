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

export async function measure(
  name: string,
  operation: () => unknown,
  options: BenchOptions = {},
): Promise<BenchResult> {
  const rounds = options.rounds ?? 5;
  const roundMs = options.roundMs ?? 1000;
  await operation(); // warm-up: first-call caches and JIT, not timed
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let ops = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      await operation();
      ops++;
      elapsed = performance.now() - started;
    }
    perRound.push((ops * 1000) / elapsed);
  }
  const sorted = [...perRound].sort((a, b) => a - b);
  return { name, opsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, rounds: perRound };
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
