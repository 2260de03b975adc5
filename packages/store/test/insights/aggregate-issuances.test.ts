import { describe, expect, it } from 'vitest';
import {
  aggregateIssuances,
  InsightsError,
  type IssuanceRecord,
  insightsCsv,
  parseDemandProfile,
  skillsGap,
} from '../../src/index.js';

let serial = 0;
function record(overrides: Partial<IssuanceRecord>): IssuanceRecord {
  serial += 1;
  return {
    credentialId: `urn:uuid:${serial}`,
    issuerId: 'college',
    subjectId: `did:key:z6MkPlanted${serial}`,
    kind: 'micro-module',
    achievementId: 'https://example.org/a',
    achievementName: 'A',
    skills: [{ framework: 'SFIA', code: 'SCTY', level: '2' }],
    level: 'general',
    areaCode: 'E08000035',
    issuedAt: '2026-06-10T10:00:00.000Z',
    credentialHash: '0'.repeat(64),
    status: [],
    ...overrides,
  };
}

/** June: 40 learners on micro-modules and 3 on a vendor certification (the cell an attacker wants). */
function plantedJune(): IssuanceRecord[] {
  return [
    ...Array.from({ length: 40 }, () => record({})),
    ...Array.from({ length: 3 }, () => record({ kind: 'vendor-certification', issuerId: 'vendor' })),
  ];
}

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof InsightsError ? error.code : 'other';
  }
  return undefined;
}

describe('aggregateIssuances', () => {
  it('hides a 3-learner cell so that the total minus the published kinds reveals nothing under k', () => {
    const report = aggregateIssuances(plantedJune(), { from: '2026-06', to: '2026-06', k: 10 });
    expect(report.total.credentials).toBe(43);
    const vendor = report.byKind.find((cell) => cell.key === 'vendor-certification');
    expect(vendor).toMatchObject({ credentials: null, status: 'suppressed' });
    // Complementary suppression: micro-module goes too, so 43 - (published kinds) covers 43 learners, not 3.
    expect(report.byKind.every((cell) => cell.status === 'suppressed')).toBe(true);
    expect(report.byProvider.every((cell) => cell.status === 'suppressed')).toBe(true);
    // The skill table has no cell under k, so it is published whole.
    expect(report.bySkill).toEqual([
      {
        framework: 'SFIA',
        code: 'SCTY',
        key: 'SFIA:SCTY',
        credentials: 43,
        status: 'published',
        suppressedCells: 0,
      },
    ]);
  });

  it('defeats linking tables: a provider that only issues one kind cannot give away the small kind cell', () => {
    // 40 learners on college micro-modules, 12 on a vendor's certifications, 3 on college "other" credentials.
    // Kinds alone hide "other" behind "vendor-certification"; but the vendor's provider cell equals that kind
    // cell, so total - micro-module - provider(vendor) would give 3 unless the audit suppresses more.
    const records = [
      ...Array.from({ length: 40 }, () => record({})),
      ...Array.from({ length: 12 }, () => record({ kind: 'vendor-certification', issuerId: 'vendor' })),
      ...Array.from({ length: 3 }, () => record({ kind: 'other' })),
    ];
    const report = aggregateIssuances(records, { from: '2026-06', to: '2026-06', k: 10 });
    const value = (cells: typeof report.byKind, key: string) =>
      cells.find((cell) => cell.key === key)?.credentials;
    expect(value(report.byKind, 'other')).toBeNull();
    const micro = value(report.byKind, 'micro-module');
    const vendor = value(report.byKind, 'vendor-certification') ?? value(report.byProvider, 'vendor');
    const recovered =
      micro != null && vendor != null ? report.total.credentials! - micro - vendor : undefined;
    expect(recovered).toBeUndefined();
  });

  it('reports a period figure as partial when some of its months are suppressed', () => {
    const may = Array.from({ length: 4 }, () => record({ issuedAt: '2026-05-02T09:00:00Z' }));
    const report = aggregateIssuances([...may, ...plantedJune()], { from: '2026-05', to: '2026-06', k: 10 });
    expect(report.months).toEqual([
      { key: '2026-05', credentials: null, status: 'suppressed', suppressedCells: 1 },
      { key: '2026-06', credentials: 43, status: 'published', suppressedCells: 0 },
    ]);
    expect(report.total).toEqual({ key: 'total', credentials: 43, status: 'partial', suppressedCells: 1 });
  });

  it('counts learners, not credentials, against k', () => {
    const one = Array.from({ length: 30 }, () => record({ subjectId: 'did:key:z6MkSame' }));
    const report = aggregateIssuances(one, { from: '2026-06', to: '2026-06', k: 5 });
    expect(report.total.status).toBe('suppressed');
  });

  it('refuses k below 5', () => {
    expect(errorCode(() => aggregateIssuances([], { from: '2026-01', to: '2026-02', k: 4 }))).toBe(
      'insights-k-too-small',
    );
  });
});

describe('skillsGap and insightsCsv', () => {
  const demand = parseDemandProfile({
    area: 'E08000035',
    jobs: [
      {
        requirements: {
          title: 'SOC analyst',
          openings: 2,
          requirements: [
            { framework: 'SFIA', code: 'SCTY', importance: 'required' },
            { framework: 'SFIA', code: 'NTAS', name: 'Network support', importance: 'desirable' },
          ],
        },
        openings: 60,
      },
      {
        requirements: {
          title: 'Support',
          openings: 5,
          requirements: [{ framework: 'SFIA', code: 'NTAS', importance: 'required' }],
        },
      },
    ],
  });

  it('sets openings per skill against published supply, largest gap first', () => {
    const report = skillsGap(aggregateIssuances(plantedJune(), { from: '2026-06', to: '2026-06' }), demand);
    expect(report.demand?.openings).toBe(65);
    expect(report.demand?.skills).toEqual([
      {
        key: 'SFIA:NTAS',
        framework: 'SFIA',
        code: 'NTAS',
        name: 'Network support',
        demand: 65,
        requiredDemand: 5,
        supply: 0,
        supplyStatus: 'published',
        gap: 65,
      },
      {
        key: 'SFIA:SCTY',
        framework: 'SFIA',
        code: 'SCTY',
        demand: 60,
        requiredDemand: 60,
        supply: 43,
        supplyStatus: 'published',
        gap: 17,
      },
    ]);
  });

  it('writes CSV with empty cells for suppressed figures', () => {
    const csv = insightsCsv(
      skillsGap(aggregateIssuances(plantedJune(), { from: '2026-06', to: '2026-06' }), demand),
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('section,key,credentials,status,suppressed_cells,demand,required_demand,gap');
    expect(lines).toContain('kind,vendor-certification,,suppressed,1,,,');
    expect(lines).toContain('gap,SFIA:SCTY,43,published,,60,60,17');
    expect(csv).not.toContain('did:key:');
  });

  it('refuses a demand profile without jobs with insights-demand-invalid', () => {
    expect(errorCode(() => parseDemandProfile({ area: 'X', jobs: [] }))).toBe('insights-demand-invalid');
    expect(
      errorCode(() => parseDemandProfile({ jobs: [{ requirements: { title: 't', requirements: [{}] } }] })),
    ).toBe('insights-demand-invalid');
  });
});
