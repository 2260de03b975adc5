import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type InsightCell,
  type InsightsReport,
  type IssuanceRecord,
  type IssuerStore,
  openStore,
  skillKey,
  skillsSupply,
} from '../../src/index.js';
import { AREAS, seedStore } from './generated-log.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const DIMENSIONS = {
  skill: (record: IssuanceRecord) => [
    ...new Set(record.skills.map((skill) => skillKey(skill.framework, skill.code))),
  ],
  level: (record: IssuanceRecord) => [record.level ?? 'unspecified'],
  kind: (record: IssuanceRecord) => [record.kind],
  provider: (record: IssuanceRecord) => [record.issuerId],
} as const;
const SECTIONS = { skill: 'bySkill', level: 'byLevel', kind: 'byKind', provider: 'byProvider' } as const;

async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('skills-supply insights on a generated issuance log (4,000 credentials)', () => {
  let store: IssuerStore;
  let records: IssuanceRecord[];
  let revoked: Set<string>;
  /** Brute force: the counted (not revoked) records of an area and some months. */
  let counted: (area: string | null, months: string[]) => IssuanceRecord[];

  beforeAll(async () => {
    store = await openStore('sqlite::memory:', { secret: randomBytes(32) });
    ({ records, revoked } = await seedStore(store, 4000));
    counted = (area, months) =>
      records.filter(
        (record) =>
          !revoked.has(record.credentialId) &&
          (area === null || record.areaCode === area) &&
          months.includes(record.issuedAt.slice(0, 7)),
      );
  });
  afterAll(() => store?.close());

  function bruteForce(pool: IssuanceRecord[], dimension: keyof typeof DIMENSIONS, key: string) {
    const matching = pool.filter((record) => DIMENSIONS[dimension](record).includes(key));
    return { credentials: matching.length, learners: new Set(matching.map((r) => r.subjectId)).size };
  }

  it('counts every published figure exactly as a brute-force count over the log does', async () => {
    const report = await skillsSupply(store, { area: AREAS[0], from: '2026-01', to: '2026-12', k: 5 });
    const pool = counted(AREAS[0], MONTHS);
    expect(report.total).toEqual({
      key: 'total',
      credentials: pool.length,
      status: 'published',
      suppressedCells: 0,
    });
    let exact = 0;
    for (const [dimension, section] of Object.entries(SECTIONS) as Array<
      [keyof typeof DIMENSIONS, keyof InsightsReport]
    >) {
      for (const cell of report[section] as InsightCell[]) {
        const truth = bruteForce(pool, dimension, cell.key);
        if (cell.status === 'published') {
          expect(cell.credentials, `${dimension} ${cell.key}`).toBe(truth.credentials);
          exact += 1;
        } else if (cell.status === 'partial') {
          expect(cell.credentials!).toBeLessThan(truth.credentials);
        }
      }
    }
    expect(exact).toBeGreaterThanOrEqual(12);
    for (const month of report.months) {
      expect(month.credentials).toBe(counted(AREAS[0], [month.key]).length);
    }
  });

  it('leaves revoked credentials out of every count', async () => {
    const report = await skillsSupply(store, { area: AREAS[0], from: '2026-01', to: '2026-12', k: 5 });
    const all = records.filter((r) => r.areaCode === AREAS[0] && r.issuedAt.startsWith('2026'));
    const revokedHere = all.filter((r) => revoked.has(r.credentialId)).length;
    expect(revokedHere).toBeGreaterThan(50);
    expect(report.total.credentials).toBe(all.length - revokedHere);
  });

  it('suppresses every area-month cell that describes fewer than k learners', async () => {
    const k = 10;
    let suppressedSeen = 0;
    for (const area of AREAS) {
      for (const month of MONTHS) {
        const report = await skillsSupply(store, { area, from: month, to: month, k });
        const pool = counted(area, [month]);
        const totalLearners = new Set(pool.map((r) => r.subjectId)).size;
        if (totalLearners < k) expect(report.total.status).toBe('suppressed');
        for (const [dimension, section] of Object.entries(SECTIONS) as Array<
          [keyof typeof DIMENSIONS, keyof InsightsReport]
        >) {
          for (const cell of report[section] as InsightCell[]) {
            const truth = bruteForce(pool, dimension, cell.key);
            if (truth.learners < k) {
              expect(cell.credentials, `${area} ${month} ${dimension} ${cell.key}`).toBeNull();
              expect(cell.status).toBe('suppressed');
              suppressedSeen += 1;
            }
            if (cell.status === 'published') expect(truth.learners).toBeGreaterThanOrEqual(k);
          }
        }
      }
    }
    expect(suppressedSeen).toBeGreaterThan(20);
  });

  it('publishes nothing about the village whose every month has fewer than k learners', async () => {
    const report = await skillsSupply(store, { area: AREAS[2], from: '2026-01', to: '2026-12', k: 10 });
    expect(report.total.status).toBe('suppressed');
    expect(report.total.credentials).toBeNull();
    expect(report.bySkill.every((cell) => cell.credentials === null)).toBe(true);
  });

  it('refuses k below 5 with insights-k-too-small, and bad months with insights-period-invalid', async () => {
    expect(await rejectionCode(skillsSupply(store, { from: '2026-01', to: '2026-12', k: 4 }))).toBe(
      'insights-k-too-small',
    );
    expect(await rejectionCode(skillsSupply(store, { from: '2026-01', to: '2026-12', k: 2.5 }))).toBe(
      'insights-k-too-small',
    );
    expect(await rejectionCode(skillsSupply(store, { from: '2026-13', to: '2026-12' }))).toBe(
      'insights-period-invalid',
    );
    expect(await rejectionCode(skillsSupply(store, { from: '2026-06', to: '2026-01' }))).toBe(
      'insights-period-invalid',
    );
  });

  it('lets no learner DID or credential id out in any report', async () => {
    const reports = [
      await skillsSupply(store, { from: '2026-01', to: '2026-12' }),
      await skillsSupply(store, { area: AREAS[2], from: '2025-01', to: '2027-12', k: 5 }),
    ];
    const text = JSON.stringify(reports);
    expect(text).not.toContain('did:key:');
    expect(text).not.toContain('urn:uuid:');
    for (const record of records.slice(0, 200)) expect(text).not.toContain(record.subjectId);
  });

  it('defeats differencing: a table total minus its published cells never isolates fewer than k learners', async () => {
    const k = 10;
    let tablesWithResidue = 0;
    for (const area of AREAS) {
      for (const month of MONTHS) {
        const report = await skillsSupply(store, { area, from: month, to: month, k });
        if (report.total.status !== 'published') continue;
        const pool = counted(area, [month]);
        // Kind, level and provider each split the credentials of the area-month exactly once.
        for (const dimension of ['kind', 'level', 'provider'] as const) {
          const cells = report[SECTIONS[dimension]] as InsightCell[];
          const published = cells.filter((cell) => cell.status === 'published');
          const residue = report.total.credentials! - published.reduce((sum, c) => sum + c.credentials!, 0);
          const hidden = pool.filter(
            (record) => !published.some((cell) => DIMENSIONS[dimension](record).includes(cell.key)),
          );
          expect(residue).toBe(hidden.length);
          if (residue > 0) {
            tablesWithResidue += 1;
            expect(new Set(hidden.map((r) => r.subjectId)).size).toBeGreaterThanOrEqual(k);
            expect(cells.filter((cell) => cell.status === 'suppressed').length).toBeGreaterThanOrEqual(2);
          }
        }
      }
    }
    expect(tablesWithResidue).toBeGreaterThan(5);
  });

  it('defeats linking tables: no small suppressed cell is rebuilt from published cells of other tables', async () => {
    // In this log cisco-netacad issues every vendor certification and nothing else, so kind and provider are
    // linked: a suppressed kind cell may equal a published provider cell. The attack tried here, for every small
    // suppressed cell x of a partition table: rebuild x, or every other suppressed cell of x's table (then x is
    // the total minus the published cells minus those), as a union of published cells of another table.
    const k = 10;
    const partitions = ['kind', 'level', 'provider'] as const;
    let attacked = 0;
    for (const area of [AREAS[0], AREAS[1]]) {
      for (const month of MONTHS) {
        const report = await skillsSupply(store, { area, from: month, to: month, k });
        if (report.total.status !== 'published') continue;
        const pool = counted(area, [month]);
        const idsOf = (dimension: (typeof partitions)[number], key: string) =>
          new Set(pool.filter((r) => DIMENSIONS[dimension](r).includes(key)).map((r) => r.credentialId));
        const rebuilt = (ids: Set<string>, from: (typeof partitions)[number]) =>
          partitions.some((other) => {
            if (other === from) return false;
            const union = new Set<string>();
            for (const cell of report[SECTIONS[other]] as InsightCell[]) {
              if (cell.status !== 'published') continue;
              const cellIds = idsOf(other, cell.key);
              if ([...cellIds].every((id) => ids.has(id))) for (const id of cellIds) union.add(id);
            }
            return union.size === ids.size;
          });
        for (const dimension of partitions) {
          const suppressed = (report[SECTIONS[dimension]] as InsightCell[]).filter(
            (c) => c.status === 'suppressed',
          );
          for (const cell of suppressed) {
            const ids = idsOf(dimension, cell.key);
            const learners = new Set(pool.filter((r) => ids.has(r.credentialId)).map((r) => r.subjectId));
            if (learners.size >= k) continue;
            attacked += 1;
            const others = suppressed.filter((c) => c.key !== cell.key);
            const viaOthers = others.every((c) => rebuilt(idsOf(dimension, c.key), dimension));
            expect(rebuilt(ids, dimension) || viaOthers, `${area} ${month} ${dimension} ${cell.key}`).toBe(
              false,
            );
          }
        }
      }
    }
    expect(attacked).toBeGreaterThan(10);
  });

  it('defeats differencing across periods: a longer period minus a shorter one only gives published months', async () => {
    const k = 10;
    for (const area of [AREAS[0], AREAS[1]]) {
      const long = await skillsSupply(store, { area, from: '2026-01', to: '2026-06', k });
      const short = await skillsSupply(store, { area, from: '2026-01', to: '2026-05', k });
      const june = await skillsSupply(store, { area, from: '2026-06', to: '2026-06', k });
      for (const section of ['bySkill', 'byLevel', 'byKind', 'byProvider'] as const) {
        const value = (report: InsightsReport, key: string) =>
          (report[section] as InsightCell[]).find((cell) => cell.key === key)?.credentials ?? 0;
        for (const cell of long[section] as InsightCell[]) {
          // Whatever the difference is, it is exactly June's published figure (0 when June's is suppressed).
          expect(value(long, cell.key) - value(short, cell.key), `${area} ${section} ${cell.key}`).toBe(
            value(june, cell.key),
          );
        }
      }
    }
  });

  it('defeats differencing across areas: all areas minus the published areas never isolates a small area', async () => {
    const all = await skillsSupply(store, { from: '2026-01', to: '2026-12', k: 10 });
    const sum = all.byArea.reduce((total, cell) => total + (cell.credentials ?? 0), 0);
    expect(all.total.credentials).toBe(sum);
    expect(all.byArea.find((cell) => cell.key === AREAS[2])?.status).toBe('suppressed');
  });
});
