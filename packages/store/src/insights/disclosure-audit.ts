import { type RawCell, suppressTable } from './suppress-table.js';

/** One table of an area-month (skill, level, kind or provider) and the keys currently published in it. */
export interface AuditedTable {
  cells: RawCell[];
  published: Set<string>;
  forced: Set<string>;
}

const EPSILON = 1e-9;

/**
 * Makes sure no suppressed cell of an area-month can be computed exactly from what is published about it.
 *
 * Tables share credentials, so a cell suppressed in one table can sometimes be rebuilt from another: if one
 * provider only issues vendor certifications, the suppressed "vendor-certification" cell equals that provider's
 * published cell, and the total minus the other kinds then gives away the small cell. The audit expresses every
 * cell as a sum of atoms (groups of credentials alike in kind, level, provider and skills), and checks with
 * Gaussian elimination whether each suppressed cell under k learners is a linear combination of the published
 * cells and the total. While one is, another published cell is suppressed (the smallest whose suppression alone
 * hides it, else one of its own table), then that table's complementary suppression runs again. Returns `false` when nothing short of suppressing the whole area-month
 * protects a cell.
 *
 * @example
 * const ok = auditAreaMonth(tables, atomCount, 10);
 */
export function auditAreaMonth(tables: AuditedTable[], atomCount: number, k: number): boolean {
  const all = new Set(Array.from({ length: atomCount }, (_, i) => i));
  const publishedRows = (without?: RawCell) => {
    const rows: number[][] = [vector(all, atomCount)];
    for (const table of tables) {
      for (const cell of table.cells) {
        if (table.published.has(cell.key) && cell !== without) rows.push(vector(cell.atoms, atomCount));
      }
    }
    return rows;
  };
  for (;;) {
    const exposed = firstExposedCell(tables, echelon(publishedRows()), atomCount, k);
    if (!exposed) return true;
    const target = vector(exposed.atoms, atomCount);
    const candidates: Array<{ table: AuditedTable; cell: RawCell }> = [];
    for (const table of tables) {
      for (const cell of table.cells) if (table.published.has(cell.key)) candidates.push({ table, cell });
    }
    if (candidates.length === 0) return false;
    candidates.sort((a, b) => a.cell.credentials - b.cell.credentials);
    const ownTable = tables.find((table) => table.cells.includes(exposed));
    // The smallest cell whose suppression alone hides the exposed one; else widen the exposed cell's own table
    // (its complements are what the subtraction uses); else the smallest published cell.
    const chosen =
      candidates.find(({ cell }) => !inRowSpace(echelon(publishedRows(cell)), [...target])) ??
      candidates.find(({ table }) => table === ownTable) ??
      candidates[0]!;
    chosen.table.forced.add(chosen.cell.key);
    chosen.table.published = suppressTable(chosen.table.cells, k, chosen.table.forced);
  }
}

/**
 * The first suppressed cell under k learners whose exact value follows from the published cells. A suppressed
 * cell of k learners or more may be computable (a complementary cell) without harm; the small cells it protects
 * are checked on their own.
 */
function firstExposedCell(
  tables: AuditedTable[],
  basis: Basis,
  atomCount: number,
  k: number,
): RawCell | undefined {
  for (const table of tables) {
    for (const cell of table.cells) {
      if (table.published.has(cell.key) || cell.learners.size >= k) continue;
      if (inRowSpace(basis, vector(cell.atoms, atomCount))) return cell;
    }
  }
  return undefined;
}

function vector(atoms: Set<number>, length: number): number[] {
  const row = new Array<number>(length).fill(0);
  for (const atom of atoms) row[atom] = 1;
  return row;
}

/** Rows in reduced echelon form, each with the column of its pivot. */
type Basis = Array<{ row: number[]; pivot: number }>;

function echelon(rows: number[][]): Basis {
  const basis: Basis = [];
  for (const original of rows) {
    const row = reduce(basis, [...original]);
    const pivot = row.findIndex((value) => Math.abs(value) > EPSILON);
    if (pivot === -1) continue;
    const scale = row[pivot]!;
    scaleRow(row, 1 / scale);
    // Keep the basis fully reduced so `reduce` is one pass.
    for (const entry of basis) {
      const factor = entry.row[pivot]!;
      if (Math.abs(factor) > EPSILON) subtract(entry.row, row, factor);
    }
    basis.push({ row, pivot });
  }
  return basis;
}

function reduce(basis: Basis, row: number[]): number[] {
  for (const { row: base, pivot } of basis) {
    const factor = row[pivot]!;
    if (Math.abs(factor) > EPSILON) subtract(row, base, factor);
  }
  return row;
}

function scaleRow(row: number[], factor: number): void {
  for (let i = 0; i < row.length; i++) row[i] = (row[i] as number) * factor;
}

/** `target -= factor * source`, in place. */
function subtract(target: number[], source: number[], factor: number): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) - factor * (source[i] as number);
}

function inRowSpace(basis: Basis, row: number[]): boolean {
  return reduce(basis, row).every((value) => Math.abs(value) <= EPSILON);
}
