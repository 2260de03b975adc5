import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Starts a fixture script under tsx, from the repository root so `--import tsx` resolves.
 */
export function spawnFixture(name: string, argument: unknown): ChildProcess {
  const script = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(argument)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a fixture to completion and returns its stdout; rejects with its stderr on a non-zero exit. */
export function runFixture(name: string, argument: unknown): Promise<string> {
  const child = spawnFixture(name, argument);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${name} exited ${code}: ${stderr}`)),
    );
  });
}
