import { ApiKeyRing } from '@skills-passport/server';
import { describe, expect, it } from 'vitest';

describe('ApiKeyRing', () => {
  it('finds the issuer of each configured key and no issuer for any other', () => {
    const ring = ApiKeyRing.parse('acme:acme-key-0123456789, beta:beta-key-0123456789');
    expect(ring.size).toBe(2);
    expect(ring.issuerFor('acme-key-0123456789')).toBe('acme');
    expect(ring.issuerFor('beta-key-0123456789')).toBe('beta');
    expect(ring.issuerFor('acme-key-012345678')).toBeUndefined();
    expect(ring.issuerFor('')).toBeUndefined();
  });

  it('keeps keys containing colons whole', () => {
    expect(ApiKeyRing.parse('acme:a:b:c:0123456789abcdef').issuerFor('a:b:c:0123456789abcdef')).toBe('acme');
  });

  it('refuses entries without an issuer or with a short key', () => {
    expect(() => ApiKeyRing.parse('just-a-key-without-issuer')).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
    expect(() => ApiKeyRing.parse('acme:short')).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });

  it('generates distinct keys that a ring then accepts', () => {
    const key = ApiKeyRing.generateKey();
    expect(key).not.toBe(ApiKeyRing.generateKey());
    expect(new ApiKeyRing().with('demo', key).issuerFor(key)).toBe('demo');
  });
});
