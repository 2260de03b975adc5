import type { StatusAllocation } from '../issuer-store.js';
import { IndexPermutation } from './index-permutation.js';

/** Counters `[from, to)` of one list, taken in a committed transaction. */
export interface AllocatedRange {
  id: string;
  seed: Uint8Array;
  size: number;
  from: number;
  to: number;
}

const recent = new Map<string, IndexPermutation>();
const RECENT_LIMIT = 32;

/** Permutations of recently used lists are kept, so their memoised round outputs serve the next batch. */
function permutationOf(range: AllocatedRange): IndexPermutation {
  const key = `${range.id}:${Buffer.from(range.seed).toString('base64')}`;
  let permutation = recent.get(key);
  if (!permutation) {
    permutation = new IndexPermutation(range.seed, range.size);
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  }
  recent.delete(key);
  recent.set(key, permutation);
  return permutation;
}

/**
 * Turns committed counter ranges into indexes through each list's permutation.
 *
 * @example
 * expandRanges([{ id, seed, size: 131072, from: 0, to: 2 }]); // [{ listId: id, index: 90811 }, ...]
 */
export function expandRanges(ranges: readonly AllocatedRange[]): StatusAllocation[] {
  const allocations: StatusAllocation[] = [];
  for (const range of ranges) {
    const permutation = permutationOf(range);
    for (let counter = range.from; counter < range.to; counter++) {
      allocations.push({ listId: range.id, index: permutation.indexAt(counter) });
    }
  }
  return allocations;
}
