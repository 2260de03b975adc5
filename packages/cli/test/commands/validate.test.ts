import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';

describe('skills-passport validate', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    await writeFile(
      sandbox.path('job.json'),
      JSON.stringify({
        title: 'SOC analyst',
        requirements: [{ framework: 'SFIA', code: 'SCTY', minimumLevel: 2, importance: 'required' }],
      }),
    );
    await writeFile(
      sandbox.path('bad-job.json'),
      JSON.stringify({ title: 'SOC analyst', requirements: [{ framework: 'SFIA' }] }),
    );
  });
  afterAll(() => sandbox.dispose());

  it('exits 0 for a document that matches the schema named by --profile', async () => {
    const result = await sandbox.run(['validate', 'job.json', '--profile', 'job-requirements']);
    expect(result.code).toBe(0);
  });

  it('exits 1 and lists each error with its JSON Pointer path', async () => {
    const result = await sandbox.run(['validate', 'bad-job.json', '--profile', 'job-requirements', '--json']);
    expect(result.code).toBe(1);
    const [check] = result.json().results;
    expect(check.valid).toBe(false);
    expect(check.errors.map((error: { path: string }) => error.path)).toContain('/requirements/0/code');
  });

  it('refuses an unknown profile as a usage error', async () => {
    const result = await sandbox.run(['validate', 'job.json', '--profile', 'diploma']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error usage: /);
  });
});
