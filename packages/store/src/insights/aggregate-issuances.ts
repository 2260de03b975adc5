import type { IssuanceRecord } from '../issuer-store.js';
import { type AuditedTable, auditAreaMonth } from './disclosure-audit.js';
import { type InsightsQuery, monthOf, resolveInsightsQuery } from './insights-query.js';
import {
  INSIGHTS_METHOD,
  type InsightCell,
  type InsightsReport,
  type SkillInsightCell,
} from './insights-report.js';
import { type RawCell, suppressTable } from './suppress-table.js';

/** The breakdowns computed inside every area-month; `area` and `month` come from the area-month totals. */
const DIMENSIONS = ['skill', 'level', 'kind', 'provider'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** Recorded without an area or level: counted under this key rather than dropped. */
export const UNSPECIFIED = 'unspecified';

/** One area-month: its total and one table per dimension, before suppression. */
interface AreaMonth {
  area: string;
  month: string;
  total: RawCell;
  tables: Record<Dimension, Map<string, RawCell>>;
  /** Groups of credentials alike in every dimension, by their description. */
  atoms: Map<string, number>;
}

/** Sum of published area-month cells under one reported figure. */
interface Rollup {
  credentials: number;
  published: number;
  suppressed: number;
}

/**
 * Turns issuance records (already without revoked credentials) into an anonymised report.
 *
 * Every area-month is the unit of protection: its total is published only when it describes at least `k`
 * distinct learners, each of its tables (skill, level, kind, provider) goes through {@link suppressTable}, and
 * {@link auditAreaMonth} then suppresses more until no suppressed cell can be computed from the published ones.
 * Every figure reported is then a sum of published area-month cells only, never of suppressed ones, so a
 * reader subtracting figures from each other, within a report or across reports for other periods or areas,
 * only ever gets sums of published cells or sums of suppressed cells covering at least `k` learners.
 * Learner ids are used to count distinct learners and never leave this function.
 *
 * @example
 * const report = aggregateIssuances(records, { area: 'E08000035', from: '2026-01', to: '2026-12', k: 10 });
 * report.byKind; // [{ key: 'micro-module', credentials: 412, status: 'published', suppressedCells: 0 }, ...]
 */
export function aggregateIssuances(records: Iterable<IssuanceRecord>, query: InsightsQuery): InsightsReport {
  const resolved = resolveInsightsQuery(query);
  const { k, months } = resolved;
  const inPeriod = new Set(months);
  const areaMonths = new Map<string, AreaMonth>();

  for (const record of records) {
    const area = record.areaCode ?? UNSPECIFIED;
    if (resolved.area !== null && area !== resolved.area) continue;
    const month = monthOf(record.issuedAt);
    if (!inPeriod.has(month)) continue;
    const id = `${area}\u0000${month}`;
    let entry = areaMonths.get(id);
    if (!entry) {
      entry = {
        area,
        month,
        total: rawCell('total'),
        tables: { skill: new Map(), level: new Map(), kind: new Map(), provider: new Map() },
        atoms: new Map(),
      };
      areaMonths.set(id, entry);
    }
    const skills = [...new Set(record.skills.map((skill) => skillKey(skill.framework, skill.code)))].sort();
    const level = record.level ?? UNSPECIFIED;
    const atomName = JSON.stringify([record.kind, level, record.issuerId, skills]);
    let atom = entry.atoms.get(atomName);
    if (atom === undefined) {
      atom = entry.atoms.size;
      entry.atoms.set(atomName, atom);
    }
    add(entry.total, record.subjectId, atom);
    for (const skill of skills) add(cellOf(entry.tables.skill, skill), record.subjectId, atom);
    add(cellOf(entry.tables.level, level), record.subjectId, atom);
    add(cellOf(entry.tables.kind, record.kind), record.subjectId, atom);
    add(cellOf(entry.tables.provider, record.issuerId), record.subjectId, atom);
  }

  const byMonth = new Map<string, Rollup>(months.map((month) => [month, emptyRollup()]));
  const byArea = new Map<string, Rollup>();
  const total = emptyRollup();
  const byDimension: Record<Dimension, Map<string, Rollup>> = {
    skill: new Map(),
    level: new Map(),
    kind: new Map(),
    provider: new Map(),
  };

  for (const entry of areaMonths.values()) {
    const tables = new Map<Dimension, AuditedTable>();
    let totalPublished = entry.total.learners.size >= k;
    if (totalPublished) {
      for (const dimension of DIMENSIONS) {
        const cells = [...entry.tables[dimension].values()];
        tables.set(dimension, { cells, published: suppressTable(cells, k), forced: new Set() });
      }
      totalPublished = auditAreaMonth([...tables.values()], entry.atoms.size, k);
    }
    const totalCredentials = totalPublished ? entry.total.credentials : null;
    accumulate(byMonth.get(entry.month)!, totalCredentials);
    accumulate(rollupOf(byArea, entry.area), totalCredentials);
    accumulate(total, totalCredentials);
    for (const dimension of DIMENSIONS) {
      const cells = [...entry.tables[dimension].values()];
      // A suppressed total hides the whole area-month.
      const published = totalPublished ? tables.get(dimension)!.published : new Set<string>();
      for (const cell of cells) {
        accumulate(
          rollupOf(byDimension[dimension], cell.key),
          published.has(cell.key) ? cell.credentials : null,
        );
      }
    }
  }

  return {
    query: { area: resolved.area, from: resolved.from, to: resolved.to, k },
    method: INSIGHTS_METHOD,
    total: toCell('total', total),
    months: months.map((month) => toCell(month, byMonth.get(month)!)),
    bySkill: sortedCells(byDimension.skill).map(skillCell),
    byLevel: sortedCells(byDimension.level),
    byKind: sortedCells(byDimension.kind),
    byProvider: sortedCells(byDimension.provider),
    byArea: sortedCells(byArea),
  };
}

/**
 * The key of a skill in reports and demand: `framework:code` (SFIA levels are not split).
 *
 * @example
 * skillKey('SFIA', 'SCTY'); // 'SFIA:SCTY'
 */
export function skillKey(framework: string, code: string): string {
  return `${framework}:${code}`;
}

/**
 * Reads `framework:code` back (the code may itself hold colons, as ESCO URIs do).
 *
 * @example
 * splitSkillKey('ESCO:http://data.europa.eu/esco/skill/abc'); // { framework: 'ESCO', code: 'http://...' }
 */
export function splitSkillKey(key: string): { framework: string; code: string } {
  const colon = key.indexOf(':');
  return { framework: key.slice(0, colon), code: key.slice(colon + 1) };
}

function rawCell(key: string): RawCell {
  return { key, credentials: 0, learners: new Set(), atoms: new Set() };
}

function cellOf(table: Map<string, RawCell>, key: string): RawCell {
  let cell = table.get(key);
  if (!cell) {
    cell = rawCell(key);
    table.set(key, cell);
  }
  return cell;
}

function add(cell: RawCell, learner: string, atom: number): void {
  cell.credentials += 1;
  cell.learners.add(learner);
  cell.atoms.add(atom);
}

function emptyRollup(): Rollup {
  return { credentials: 0, published: 0, suppressed: 0 };
}

function rollupOf(map: Map<string, Rollup>, key: string): Rollup {
  let rollup = map.get(key);
  if (!rollup) {
    rollup = emptyRollup();
    map.set(key, rollup);
  }
  return rollup;
}

function accumulate(rollup: Rollup, credentials: number | null): void {
  if (credentials === null) rollup.suppressed += 1;
  else {
    rollup.published += 1;
    rollup.credentials += credentials;
  }
}

function toCell(key: string, rollup: Rollup): InsightCell {
  if (rollup.suppressed === 0) {
    return { key, credentials: rollup.credentials, status: 'published', suppressedCells: 0 };
  }
  if (rollup.published === 0) {
    return { key, credentials: null, status: 'suppressed', suppressedCells: rollup.suppressed };
  }
  return { key, credentials: rollup.credentials, status: 'partial', suppressedCells: rollup.suppressed };
}

/** Largest published figure first, suppressed ones last, then by key so output is stable. */
function sortedCells(map: Map<string, Rollup>): InsightCell[] {
  return [...map.entries()]
    .map(([key, rollup]) => toCell(key, rollup))
    .sort(
      (a, b) => (b.credentials ?? -1) - (a.credentials ?? -1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

function skillCell(cell: InsightCell): SkillInsightCell {
  return { ...splitSkillKey(cell.key), ...cell };
}
