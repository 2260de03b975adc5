import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type IssuerStore, openStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, seedStore } from '../../../store/test/insights/generated-log.js';
import { CliSandbox } from '../cli-harness.js';

const SECRET = Buffer.alloc(32, 7).toString('base64');

describe('skills-passport insights', () => {
  let sandbox: CliSandbox;
  let expectedTotal: number;

  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    sandbox.env.SKILLS_PASSPORT_SECRET = SECRET;
    const dataDir = join(sandbox.dir, 'data');
    await mkdir(dataDir, { recursive: true });
    const store: IssuerStore = await openStore(`sqlite:${join(dataDir, 'passport.db')}`, {
      secret: Buffer.from(SECRET, 'base64'),
    });
    const { records, revoked } = await seedStore(store, 2000);
    await store.close();
    expectedTotal = records.filter(
      (r) => r.areaCode === AREAS[0] && r.issuedAt.startsWith('2026') && !revoked.has(r.credentialId),
    ).length;
  });
  afterAll(() => sandbox.dispose());

  const base = ['insights', '--area', AREAS[0], '--from', '2026-01', '--to', '2026-12'];

  it('prints the JSON report with exact totals and no learner DID', async () => {
    const run = await sandbox.run([...base, '--k', '5', '--json']);
    expect(run.code).toBe(0);
    const report = run.json();
    expect(report.query).toEqual({ area: AREAS[0], from: '2026-01', to: '2026-12', k: 5 });
    expect(report.total.credentials).toBe(expectedTotal);
    expect(report.months).toHaveLength(12);
    expect(run.stdout).not.toContain('did:key:');
  });

  it('prints CSV with a header row and one row per figure', async () => {
    const run = await sandbox.run([...base, '--csv']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,key,credentials,status,suppressed_cells,demand,required_demand,gap');
    expect(lines).toContain(`total,total,${expectedTotal},published,0,,,`);
    expect(lines.filter((line) => line.startsWith('month,'))).toHaveLength(12);
    expect(run.stdout).not.toContain('did:key:');
  });

  it('adds demand against supply from the example demand profile', async () => {
    const demand = join(__dirname, '../../../../examples/demand/leeds-2026.json');
    const run = await sandbox.run([...base, '--demand', demand, '--json']);
    expect(run.code).toBe(0);
    const skills = run.json().demand.skills as Array<{ key: string; demand: number; gap: number | null }>;
    const soc = skills.find((skill) => skill.key === 'SFIA:SCTY');
    expect(soc?.demand).toBe(14 + 35);
    expect(run.json().demand.openings).toBe(14 + 35 + 20 + 18);
  });

  it('prints a human summary with suppressed figures named, not numbered', async () => {
    const run = await sandbox.run(['insights', '--area', AREAS[2], '--from', '2026-01', '--to', '2026-12']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Credentials issued (not revoked): suppressed');
  });

  it('refuses k below 5 with insights-k-too-small and exit code 2', async () => {
    const run = await sandbox.run([...base, '--k', '3', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().error.code).toBe('insights-k-too-small');
  });

  it('refuses a demand file with invalid job requirements as input-unreadable', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(sandbox.path('bad.json'), JSON.stringify({ jobs: [{ requirements: { title: 'x' } }] }));
    const run = await sandbox.run([...base, '--demand', 'bad.json', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().error.code).toBe('input-unreadable');
  });
});
