import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleService } from '../src/assemble-service.js';
import { loadDemandProfiles, readDemandProfile } from '../src/demand-profiles.js';

const LEEDS = fileURLToPath(new URL('../../../examples/demand/leeds-2026.json', import.meta.url));
const PARTNER_KEY = 'partner-key-0123456789abcdef';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'passport-demand-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('demand profiles for the service', () => {
  it('reads a profile whose jobs point at job-requirements files relative to it', async () => {
    const profile = await readDemandProfile(LEEDS);
    expect(profile.area).toBe('E08000035');
    expect(profile.jobs.length).toBeGreaterThan(3);
    for (const job of profile.jobs) expect(typeof job.requirements).toBe('object');
  });

  it('refuses a job whose requirements fail the schema, naming the file and job', async () => {
    const file = join(dataDir, 'bad.json');
    await writeFile(file, JSON.stringify({ area: 'X', jobs: [{ requirements: { title: 'No skills' } }] }));
    await expect(readDemandProfile(file)).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringContaining('jobs[0].requirements'),
    });
  });

  it('refuses two profiles for one area, and a file that is not JSON', async () => {
    await expect(loadDemandProfiles([LEEDS, LEEDS])).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringContaining('second demand profile for E08000035'),
    });
    const file = join(dataDir, 'broken.json');
    await writeFile(file, '{ not json');
    await expect(loadDemandProfiles([file])).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringContaining('is not JSON'),
    });
  });

  it('answers GET /insights with demand against supply for the configured area only', async () => {
    const service = await assembleService({
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '0',
      SKILLS_PASSPORT_PARTNER_KEYS: `leeds-partnership:${PARTNER_KEY}`,
      INSIGHTS_DEMAND_PROFILES: LEEDS,
    });
    try {
      const ask = (area: string) =>
        service.app.request(`/insights?area=${area}&from=2026-01&to=2026-12`, {
          headers: { authorization: `Bearer ${PARTNER_KEY}` },
        });
      const leeds = await ask('E08000035');
      expect(leeds.status).toBe(200);
      const report = (await leeds.json()) as {
        demand?: { openings: number; skills: Array<{ key: string; demand: number; gap: number | null }> };
      };
      expect(report.demand?.openings).toBeGreaterThan(0);
      expect(report.demand?.skills.map((skill) => skill.key)).toContain('SFIA:DTAN');
      const elsewhere = (await (await ask('E08000036')).json()) as { demand?: unknown };
      expect(elsewhere.demand).toBeUndefined();
    } finally {
      await service.store.close();
    }
  });

  it('stops the service at start when a configured profile is broken', async () => {
    await expect(
      assembleService({ DATA_DIR: dataDir, INSIGHTS_DEMAND_PROFILES: join(dataDir, 'missing.json') }),
    ).rejects.toMatchObject({ code: 'invalid-options', message: expect.stringContaining('cannot be read') });
  });
});
