import { describe, expect, it } from 'vitest';
import {
  exportJwk,
  exportMultikey,
  generateKey,
  importJwk,
  importMultikey,
  PassportError,
  publicKeyOf,
} from '../../src/index.js';

describe('keys', () => {
  it('generates an Ed25519 key whose did:key is its own multibase public key', async () => {
    const key = await generateKey();
    expect(key.type).toBe('Ed25519');
    expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`);
    expect(key.id).toBe(`${key.controller}#${key.publicKeyMultibase}`);
    expect(key.secretKeyMultibase).toBeTruthy();
  });

  it('generates P-256 and P-384 keys with their multicodec prefixes', async () => {
    expect((await generateKey({ type: 'P-256' })).publicKeyMultibase).toMatch(/^zDn/);
    expect((await generateKey({ type: 'P-384' })).publicKeyMultibase).toMatch(/^z82/);
  });

  it('names a did:web controller and key id when given', async () => {
    const key = await generateKey({
      controller: 'did:web:training.example.org',
      id: 'did:web:training.example.org#key-1',
    });
    expect(key.controller).toBe('did:web:training.example.org');
    expect(key.id).toBe('did:web:training.example.org#key-1');
  });

  it('round-trips through Multikey JSON, with the secret only when asked for', async () => {
    const key = await generateKey({ type: 'P-256' });
    const publicOnly = exportMultikey(key);
    expect(publicOnly.secretKeyMultibase).toBeUndefined();
    expect(publicOnly.type).toBe('Multikey');
    const full = exportMultikey(key, { includeSecret: true });
    expect(await importMultikey(full)).toEqual(key);
    expect(await importMultikey(publicOnly)).toEqual(publicKeyOf(key));
  });

  it('round-trips through JWK for Ed25519 and P-256', async () => {
    for (const type of ['Ed25519', 'P-256'] as const) {
      const key = await generateKey({ type });
      const jwk = await exportJwk(key, { includeSecret: true });
      expect(jwk.d).toBeTruthy();
      expect((await exportJwk(key)).d).toBeUndefined();
      const back = await importJwk(jwk);
      expect(back.publicKeyMultibase).toBe(key.publicKeyMultibase);
      expect(back.secretKeyMultibase).toBe(key.secretKeyMultibase);
    }
  });

  it('refuses a document that is not a Multikey with code invalid-key', async () => {
    await expect(importMultikey({ type: 'JsonWebKey', controller: 'did:x' })).rejects.toMatchObject({
      code: 'invalid-key',
    });
    await expect(
      importMultikey({ type: 'Multikey', controller: 'did:x', publicKeyMultibase: 'z6Mkbroken' }),
    ).rejects.toBeInstanceOf(PassportError);
    await expect(importJwk({ kty: 'RSA' })).rejects.toMatchObject({ code: 'invalid-key' });
  });
});
