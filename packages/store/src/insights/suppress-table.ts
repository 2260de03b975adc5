/** One cell of an area-month table before suppression: credential count and the learners it describes. */
export interface RawCell {
  key: string;
  credentials: number;
  learners: Set<string>;
  /** Indexes of the area-month's atoms (credentials alike in every dimension) this cell is made of. */
  atoms: Set<number>;
}

/**
 * Decides which cells of one area-month table may be published, given that the table's total is published:
 * 1. primary suppression: a cell describing fewer than `k` distinct learners is suppressed;
 * 2. complementary suppression: while the suppressed cells together describe fewer than `k` learners, the
 *    smallest published cell (then by key, so the choice is deterministic) is suppressed too.
 *
 * Cells in `forced` are suppressed whatever their size (the disclosure audit asks for them).
 * So the published total minus the published cells equals the suppressed cells' sum, which always describes
 * at least `k` learners (or nobody), and no single suppressed cell can be recovered by subtraction.
 *
 * @example
 * const published = suppressTable(cells, 10); // Set of the keys that may be published
 */
export function suppressTable(
  cells: RawCell[],
  k: number,
  forced: ReadonlySet<string> = new Set(),
): Set<string> {
  const published = new Set<string>();
  const suppressed: RawCell[] = [];
  for (const cell of cells) {
    if (cell.learners.size >= k && !forced.has(cell.key)) published.add(cell.key);
    else suppressed.push(cell);
  }
  if (suppressed.length === 0) return published;
  const covered = new Set<string>();
  for (const cell of suppressed) for (const learner of cell.learners) covered.add(learner);
  const candidates = cells
    .filter((cell) => published.has(cell.key))
    .sort((a, b) => a.credentials - b.credentials || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const cell of candidates) {
    if (covered.size >= k) break;
    published.delete(cell.key);
    for (const learner of cell.learners) covered.add(learner);
  }
  return published;
}
