import { createHash } from 'node:crypto';
import type { IssuanceKind, IssuanceLevel, IssuanceRecord, IssuerStore } from '../../src/index.js';

/** Areas of the generated log: a city, a town, and a village too small to publish much about. */
export const AREAS = ['E08000035', 'E06000023', 'E07000999'] as const;
export const SKILLS = [
  ['SFIA', 'SCTY'],
  ['SFIA', 'NTAS'],
  ['SFIA', 'USUP'],
  ['SFIA', 'PROG'],
  ['SFIA', 'DTAN'],
  ['UK-EDS', 'EDS-FOUNDATION'],
  ['UK-EDS', 'EDS-COMMUNICATING'],
  ['UK-EDS', 'EDS-SAFE-LEGAL'],
  ['UK-EDS', 'EDS-TRANSACTING'],
  ['UK-EDS', 'EDS-PROBLEM-SOLVING'],
  ['ESCO', 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'],
] as const;
const PROVIDERS = ['leeds-college', 'cisco-netacad', 'library-service', 'tiny-provider'] as const;
const LEVELS: Array<IssuanceLevel | null> = ['essential', 'general', 'specialist', null];

/** A small deterministic PRNG (mulberry32), so every run generates the same log. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A learner DID that is easy to search for in any output. */
export function learnerDid(area: string, index: number): string {
  return `did:key:z6MkLearner${area}x${index}`;
}

/**
 * `count` issuance records across the areas (weighted 70/25/5), 2026's twelve months (plus a few in 2025 and
 * 2027, outside the usual query), four providers (one tiny), several skills each, with revocation entries
 * numbered from `firstIndex` in list `listId`.
 */
export function generateLog(
  count: number,
  options: { seed?: number; listId: string; firstIndex?: number },
): IssuanceRecord[] {
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const records: IssuanceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    const area = roll < 0.7 ? AREAS[0] : roll < 0.95 ? AREAS[1] : AREAS[2];
    const learners = area === AREAS[0] ? 600 : area === AREAS[1] ? 150 : 8;
    const year = i % 50 === 0 ? 2025 : i % 51 === 0 ? 2027 : 2026;
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const provider = next() < 0.03 ? 'tiny-provider' : pick(PROVIDERS.slice(0, 3));
    const kind: IssuanceKind =
      provider === 'cisco-netacad' ? 'vendor-certification' : next() < 0.97 ? 'micro-module' : 'other';
    const skillCount = 1 + Math.floor(next() * 3);
    const skills = Array.from({ length: skillCount }, () => {
      const [framework, code] = pick(SKILLS);
      return framework === 'SFIA'
        ? { framework, code, level: String(1 + Math.floor(next() * 4)) }
        : { framework, code };
    });
    records.push({
      credentialId: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      issuerId: provider,
      subjectId: learnerDid(area, Math.floor(next() * learners)),
      kind,
      achievementId: `https://example.org/achievements/${i % 40}`,
      achievementName: `Module ${i % 40}`,
      skills,
      level: pick(LEVELS),
      areaCode: area,
      issuedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      credentialHash: createHash('sha256').update(String(i)).digest('hex'),
      status: [{ listId: options.listId, index: (options.firstIndex ?? 0) + i, purpose: 'revocation' }],
      batchKey: null,
    });
  }
  return records;
}

/**
 * Records the log in a store with real revocation entries: allocates the indexes from one list, then revokes
 * every `revokeEvery`-th credential. Returns the records (with the allocated entries) and the revoked ids.
 */
export async function seedStore(
  store: IssuerStore,
  count: number,
  options: { seed?: number; revokeEvery?: number } = {},
): Promise<{ records: IssuanceRecord[]; revoked: Set<string> }> {
  const allocations = await store.allocateStatusIndexes({
    issuerId: 'insights-test',
    purpose: 'revocation',
    count,
  });
  const records = generateLog(count, { seed: options.seed ?? 42, listId: 'unused' }).map((record, i) => ({
    ...record,
    status: [
      { listId: allocations[i]!.listId, index: allocations[i]!.index, purpose: 'revocation' as const },
    ],
  }));
  await store.recordIssuances(records);
  const revoked = new Set<string>();
  const every = options.revokeEvery ?? 17;
  for (let i = 0; i < records.length; i += every) {
    const entry = records[i]!.status[0]!;
    await store.setStatus({ listId: entry.listId, index: entry.index, value: true });
    revoked.add(records[i]!.credentialId);
  }
  return { records, revoked };
}
