import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IndexPermutation } from '../../src/index.js';

describe('IndexPermutation', () => {
  it.each([8, 24, 64, 1000, 4096, 131_072])(
    'maps the counters of a %i-bit list onto every index exactly once',
    (size) => {
      const permutation = new IndexPermutation(randomBytes(32), size);
      const seen = new Uint8Array(size);
      for (let counter = 0; counter < size; counter++) seen[permutation.indexAt(counter)]! += 1;
      expect(seen.every((hits) => hits === 1)).toBe(true);
    },
  );

  it('gives the same order for the same seed and a different order for another seed', () => {
    const seed = randomBytes(32);
    const order = (key: Uint8Array) => {
      const permutation = new IndexPermutation(key, 131_072);
      return Array.from({ length: 20 }, (_, counter) => permutation.indexAt(counter));
    };
    expect(order(seed)).toEqual(order(Buffer.from(seed)));
    expect(order(randomBytes(32))).not.toEqual(order(seed));
  });

  it('does not hand out the first counters as the first indexes', () => {
    const permutation = new IndexPermutation(randomBytes(32), 131_072);
    const first = Array.from({ length: 100 }, (_, counter) => permutation.indexAt(counter));
    expect(first.filter((index, counter) => index === counter).length).toBeLessThan(3);
    expect(first.filter((index) => index < 1_000).length).toBeLessThan(10);
  });

  it('rejects a counter outside the list', () => {
    const permutation = new IndexPermutation(randomBytes(32), 64);
    expect(() => permutation.indexAt(64)).toThrow(RangeError);
    expect(() => permutation.indexAt(-1)).toThrow(RangeError);
  });
});
