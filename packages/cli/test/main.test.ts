import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function spawnCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd, env: { ...process.env, SKILLS_PASSPORT_HOME: join(cwd, 'data'), NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The built binary exists after `pnpm build` (the root `pnpm test` builds first); without it this is skipped.
describe.skipIf(!existsSync(MAIN))('the built skills-passport binary', () => {
  it('runs as a child process with the documented exit codes and no stack traces', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'skills-passport-bin-'));
    try {
      const version = await spawnCli(['--version'], cwd);
      expect(version.code).toBe(0);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
      const missing = await spawnCli(['verify', 'missing.json'], cwd);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^error input-unreadable: /);
      const usage = await spawnCli(['issue-batch', '--profile', 'diploma'], cwd);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/^error usage: /);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
