import { createHmac } from 'node:crypto';

const ROUNDS = 4;

/**
 * A keyed pseudo-random permutation of `[0, size)`: maps a list's allocation counter (0, 1, 2, ...) to the
 * status index handed out. Sequential indexes would let anyone who sees two credentials guess how many were
 * issued between them, and would make neighbouring bits in the public list belong to neighbouring learners;
 * a permutation keeps the order unpredictable while guaranteeing, unlike random picks, that no index is
 * ever produced twice and no lookup of used indexes is needed.
 *
 * Construction: a 4-round balanced Feistel network over the smallest even-bit power of two that covers
 * `size`, with HMAC-SHA256(seed) as the round function, and cycle-walking to stay inside `[0, size)`.
 * This is for unlinkability, not secrecy of anything valuable; the seed is a random per-list value.
 *
 * @example
 * const permutation = new IndexPermutation(seed, 131072);
 * permutation.indexAt(0); // e.g. 90811
 */
export class IndexPermutation {
  readonly size: number;
  readonly #seed: Buffer;
  readonly #halfBits: number;
  readonly #halfMask: number;
  /** Round-function outputs memoised per (round, half): a half has at most 2^16 values, so this stays small. */
  readonly #rounds: Map<number, number> = new Map();

  constructor(seed: Uint8Array, size: number) {
    if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 32) {
      throw new RangeError(`A status list size must be an integer in [1, 2^32], got ${size}.`);
    }
    this.size = size;
    this.#seed = Buffer.from(seed);
    const bits = Math.max(2, Math.ceil(Math.log2(size)));
    this.#halfBits = Math.ceil(bits / 2);
    this.#halfMask = 2 ** this.#halfBits - 1;
  }

  /** The index handed out as the `counter`-th allocation of the list (`0 <= counter < size`). */
  indexAt(counter: number): number {
    if (!Number.isSafeInteger(counter) || counter < 0 || counter >= this.size) {
      throw new RangeError(`Allocation counter ${counter} is outside [0, ${this.size}).`);
    }
    // Cycle-walking: the Feistel domain is up to 4x the list, so re-encrypt until the value lands inside it.
    // It terminates because the orbit of an in-range value under a permutation returns to the range.
    let value = this.#encrypt(counter);
    while (value >= this.size) value = this.#encrypt(value);
    return value;
  }

  #encrypt(value: number): number {
    const scale = 2 ** this.#halfBits;
    let left = Math.floor(value / scale);
    let right = value % scale;
    for (let round = 0; round < ROUNDS; round++) {
      const next = (left ^ this.#round(round, right)) & this.#halfMask;
      left = right;
      right = next >>> 0;
    }
    return left * scale + right;
  }

  #round(round: number, half: number): number {
    const slot = half * ROUNDS + round;
    const cached = this.#rounds.get(slot);
    if (cached !== undefined) return cached;
    const input = Buffer.alloc(5);
    input.writeUInt8(round, 0);
    input.writeUInt32BE(half >>> 0, 1);
    const output = createHmac('sha256', this.#seed).update(input).digest().readUInt32BE(0);
    this.#rounds.set(slot, output);
    return output;
  }
}
