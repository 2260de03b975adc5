import { gzipSync } from 'node:zlib';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import { decodeStatusList, encodeStatusList } from '../../src/index.js';

describe('encoded status lists', () => {
  it('encodes GZIP + multibase base64url with bit 0 as the most significant bit of byte 0', async () => {
    const bits = new Uint8Array(16384);
    bits[0] = 0b1000_0000;
    bits[11820] = 0b0000_0001; // index 94567 = byte 11820, bit 7
    const encoded = await encodeStatusList(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    // The reference library decodes what we encode to the same bits.
    const list = await BitstringStatusList.decode({ encodedList: encoded });
    expect(list.getStatus(0)).toBe(true);
    expect(list.getStatus(1)).toBe(false);
    expect(list.getStatus(94567)).toBe(true);
    const ours = decodeStatusList(encoded);
    expect(ours.length).toBe(131072);
    expect(ours.getStatus(94567)).toBe(true);
    expect(ours.getStatus(94566)).toBe(false);
  });

  it('refuses lists without the multibase prefix, that are not GZIP, or that inflate past the limit', () => {
    const gzip = gzipSync(Buffer.alloc(4096)).toString('base64url');
    expect(() => decodeStatusList(gzip)).toThrow();
    expect(() => decodeStatusList('uAAAA')).toThrow();
    expect(() => decodeStatusList('u!!!')).toThrow();
    expect(() => decodeStatusList(`u${gzip}`, { maxBytes: 1024 })).toThrow();
    expect(decodeStatusList(`u${gzip}`, { maxBytes: 4096 }).length).toBe(32768);
  });

  it('reads StatusList2021 lists: no prefix (a "u" prefix tolerated), either base64 alphabet, with padding', () => {
    const bits = Buffer.alloc(16384);
    bits[11820] = 0b0000_0001; // index 94567
    const gzip = gzipSync(bits);
    for (const encoded of [
      gzip.toString('base64url'),
      `u${gzip.toString('base64url')}`,
      gzip.toString('base64'),
    ]) {
      const list = decodeStatusList(encoded, { form: 'base64' });
      expect(list.getStatus(94567)).toBe(true);
      expect(list.getStatus(94566)).toBe(false);
    }
    // The Bitstring form still insists on its multibase prefix.
    expect(() => decodeStatusList(gzip.toString('base64url'))).toThrow();
    expect(() => decodeStatusList('not base64!', { form: 'base64' })).toThrow();
    expect(() => decodeStatusList('AAAA', { form: 'base64' })).toThrow();
  });
});
