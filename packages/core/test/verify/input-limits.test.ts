import { describe, expect, it } from 'vitest';
import { ambiguousKeyOf, parseInput, parseText, structureCheck } from '../../src/verify/input.js';
import { decodeJwt, peekJwt } from '../../src/verify/jwt-credential.js';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('ambiguous JSON keys', () => {
  it('finds a key given twice in one object, also when spelled with escapes', () => {
    expect(ambiguousKeyOf('{"issuer":"a","issuer":"b"}')).toMatch(/issuer/);
    expect(ambiguousKeyOf('{"a":{"id":1,"\\u0069d":2}}')).toMatch(/"id"/);
  });

  it('accepts the same key in different objects and quotes or braces inside strings', () => {
    expect(ambiguousKeyOf('{"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]}')).toBeUndefined();
    expect(ambiguousKeyOf('{"a":"x\\",\\"a\\":{","b":"}]"}')).toBeUndefined();
    expect(ambiguousKeyOf('{"list":["a","a"],"text":"a"}')).toBeUndefined();
  });

  it('refuses a __proto__ key in text and in an object an embedding program hands over', () => {
    expect(parseText('{"__proto__":{"x":1},"a":1}')).toMatchObject({ check: { code: 'input-not-json' } });
    const object = JSON.parse('{"a":{"__proto__":{"x":1}}}') as object;
    expect(parseInput(object)).toMatchObject({ check: { code: 'input-not-json' } });
  });

  it('refuses a JWT whose payload or header repeats a key', () => {
    const header = b64('{"alg":"EdDSA","alg":"none"}');
    expect(decodeJwt(`${header}.${b64('{}')}.`, 'vc')).toMatchObject({ code: 'jwt-malformed' });
    const payload = b64('{"iss":"did:key:a","iss":"did:key:b"}');
    expect(decodeJwt(`${b64('{"alg":"EdDSA"}')}.${payload}.`, 'vc')).toMatchObject({ code: 'jwt-malformed' });
  });
});

describe('input size limits', () => {
  it('refuses more values, or a longer list, than the limits allow', () => {
    expect(structureCheck({ list: Array.from({ length: 1001 }, () => 1) })).toMatchObject({
      check: { code: 'input-too-large' },
    });
    const wide = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, Array(600).fill(1)]));
    expect(structureCheck(wide)).toMatchObject({ check: { code: 'input-too-large' } });
    expect(structureCheck({ list: Array(1000).fill(1) })).toBeUndefined();
  });

  it('refuses a JWT payload nested deeper than the depth limit', () => {
    const deep = `{"vc":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(decodeJwt(`${b64('{"alg":"EdDSA"}')}.${b64(deep)}.`, 'vc')).toMatchObject({
      code: 'input-too-deep',
    });
  });

  it('refuses JWT parts that are not canonical base64url, including the signature', () => {
    const header = b64('{"alg":"EdDSA"}');
    const payload = b64('{"a":1}');
    const signature = Buffer.alloc(64, 7).toString('base64url'); // 86 characters: 4 unused bits
    expect(decodeJwt(`${header}.${payload}.${signature}`, 'vc')).not.toHaveProperty('code');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Setting one of the unused low bits of the last character: the same bytes, spelled differently.
    const respelled = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(signature.at(-1) ?? 'A') + 1]}`;
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(decodeJwt(`${header}.${payload}.${respelled}`, 'vc')).toMatchObject({ code: 'jwt-malformed' });
  });
});

describe('decode-once memo for well-formed JWTs', () => {
  const token = `${b64('{"alg":"EdDSA"}')}.${b64(JSON.stringify({ vc: { list: Array(50).fill(1) } }))}.`;

  it('gives every caller its own copy: a change made by one is not seen by the next', () => {
    const first = decodeJwt(token, 'vc') as unknown as { document: { list: number[] } };
    first.document.list.length = 0;
    const second = decodeJwt(token, 'vc') as unknown as { document: { list: number[] } };
    expect(second.document.list).toHaveLength(50);
  });

  it('remembers a token per limits: one accepted under loose limits is still refused under tighter ones', () => {
    expect(decodeJwt(token, 'vc')).not.toHaveProperty('code');
    const tight = { maxDepth: 32, maxValues: 10_000, maxArrayLength: 10 };
    expect(decodeJwt(token, 'vc', tight)).toMatchObject({ code: 'input-too-large' });
    expect(decodeJwt(token, 'vc', tight)).toMatchObject({ code: 'input-too-large' });
  });

  it("peeks with one read-only parse per token, apart from every caller's own copy", () => {
    const fresh = `${b64('{"alg":"EdDSA"}')}.${b64(JSON.stringify({ vc: { list: [1, 2, 3] } }))}.`;
    const peeked = peekJwt(fresh, 'vc') as unknown as { document: { list: number[] } };
    expect(Object.isFrozen(peeked.document.list)).toBe(true);
    expect(() => peeked.document.list.push(4)).toThrow(TypeError);
    expect((peekJwt(fresh, 'vp') as unknown as { payload: unknown }).payload).toBe(
      (peekJwt(fresh, 'vc') as unknown as { payload: unknown }).payload,
    );
    const own = decodeJwt(fresh, 'vc') as unknown as { document: { list: number[] } };
    expect(Object.isFrozen(own.document.list)).toBe(false);
    own.document.list.length = 0;
    expect(peeked.document.list).toEqual([1, 2, 3]);
  });

  it("peeks a token first decoded by decodeJwt without freezing that caller's copy", () => {
    const fresh = `${b64('{"alg":"EdDSA"}')}.${b64(JSON.stringify({ vc: { n: 1 } }))}.`;
    const own = decodeJwt(fresh, 'vc') as unknown as { document: { n: number } };
    expect(peekJwt(fresh, 'vc')).toMatchObject({ document: { n: 1 } });
    own.document.n = 2;
    expect(peekJwt(fresh, 'vc')).toMatchObject({ document: { n: 1 } });
  });

  it('peeks under the same strict checks and limits as decodeJwt', () => {
    expect(peekJwt(`${b64('{"alg":"EdDSA","alg":"none"}')}.${b64('{}')}.`, 'vc')).toMatchObject({
      code: 'jwt-malformed',
    });
    const tight = { maxDepth: 32, maxValues: 10_000, maxArrayLength: 10 };
    expect(peekJwt(token, 'vc', tight)).toMatchObject({ code: 'input-too-large' });
  });

  it('reads the vc and vp claims of the same remembered token', () => {
    const both = `${b64('{"alg":"EdDSA"}')}.${b64('{"vc":{"a":1},"vp":{"b":2}}')}.`;
    expect(decodeJwt(both, 'vc')).toMatchObject({ document: { a: 1 }, form: 'vc-claim' });
    expect(decodeJwt(both, 'vp')).toMatchObject({ document: { b: 2 }, form: 'vc-claim' });
  });
});
