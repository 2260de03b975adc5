import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const STORY = fileURLToPath(new URL('../../../examples/story.sh', import.meta.url));

function runStory(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [STORY],
      {
        cwd: ROOT,
        env: { ...process.env, SKILLS_PASSPORT: `${process.execPath} ${MAIN}`, KEEP: '' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The story runs the built binary: the root `pnpm test` builds first; without a build it is skipped visibly.
describe.skipIf(!existsSync(MAIN))('examples/story.sh', () => {
  it('runs the whole story: issue, wallet, present, verify (0), match, revoke, verify again (1, revoked)', async () => {
    const { code, stdout, stderr } = await runStory();
    expect(stderr).not.toMatch(/^error /m);
    expect(code).toBe(0);
    const employerSteps = stdout.split('== Employer: verify the same passport again')[0] ?? '';
    expect(employerSteps).toMatch(/^✔ VERIFIED presentation$/m);
    expect(employerSteps).toMatch(/^SFIA:SCTY >= 3\s+required\s+met/m);
    expect(employerSteps).toMatch(/^UK-EDS:EDS-SAFE-LEGAL\s+required\s+met/m);
    expect(employerSteps).toContain('Every required skill is met.');
    expect(stdout).toMatch(/^urn:uuid:[0-9a-f-]+: revoked$/m);
    expect(stdout).toMatch(/^✘ NOT VERIFIED presentation: revoked$/m);
    expect(stdout).toMatch(/fail\s+status\s+revoked/);
    expect(stdout).toContain('Story complete');
  }, 120_000);
});
