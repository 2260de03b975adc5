import { describe, expect, it } from 'vitest';
import { compileAllValidators, compiledValidator, SCHEMA_KINDS } from '../src/index.js';

describe('compileAllValidators', () => {
  it('compiles every kind once: the first call compiles all, a second none, and later look-ups reuse them', () => {
    expect(compileAllValidators()).toEqual([...SCHEMA_KINDS]);
    const first = SCHEMA_KINDS.map((kind) => compiledValidator(kind));
    expect(compileAllValidators()).toEqual([]);
    expect(SCHEMA_KINDS.map((kind) => compiledValidator(kind))).toEqual(first);
    expect(first.every((validator) => typeof validator === 'function')).toBe(true);
  });
});
