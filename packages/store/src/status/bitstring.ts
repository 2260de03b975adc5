/**
 * Bit addressing of the W3C Bitstring Status List (and @digitalbazaar/bitstring): bit 0 is the most
 * significant bit of byte 0. Kept in one place so both backends and the PostgreSQL `set_byte` update agree.
 *
 * @example
 * const { byte, mask } = bitPosition(9); // { byte: 1, mask: 0b0100_0000 }
 */
export function bitPosition(index: number): { byte: number; mask: number } {
  return { byte: index >>> 3, mask: 0x80 >>> (index & 7) };
}

/**
 * Reads bit `index` of a bitstring.
 *
 * @example
 * readBit(new Uint8Array([0x80]), 0); // true
 */
export function readBit(bits: Uint8Array, index: number): boolean {
  const { byte, mask } = bitPosition(index);
  return ((bits[byte] ?? 0) & mask) !== 0;
}

/**
 * Sets or clears bit `index` in place; returns whether it changed.
 *
 * @example
 * const bits = new Uint8Array(1);
 * writeBit(bits, 7, true); // true, bits[0] === 1
 */
export function writeBit(bits: Uint8Array, index: number, value: boolean): boolean {
  const { byte, mask } = bitPosition(index);
  const before = bits[byte] ?? 0;
  const after = value ? before | mask : before & ~mask;
  bits[byte] = after;
  return before !== after;
}
