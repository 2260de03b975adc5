import { describe, expect, it, vi } from 'vitest';
import { keptByMaterial } from '../../src/keys/kept-by-material.js';

describe('keptByMaterial', () => {
  it('makes each value once per material, keeps no failure, and drops the oldest beyond its bound', async () => {
    const kept = keptByMaterial<string>(2);
    const make = vi.fn(async () => 'made');
    await kept('a', make);
    await kept('a', make);
    expect(make).toHaveBeenCalledTimes(1);

    const failing = vi.fn(async () => Promise.reject(new Error('unreadable key')));
    await expect(kept('bad', failing)).rejects.toThrow('unreadable key');
    await expect(kept('bad', failing)).rejects.toThrow('unreadable key');
    expect(failing).toHaveBeenCalledTimes(2);

    await kept('b', make);
    await kept('c', make); // 'a' is the oldest: dropped
    expect(make).toHaveBeenCalledTimes(3);
    await kept('c', make);
    await kept('a', make);
    expect(make).toHaveBeenCalledTimes(4);
  });
});
