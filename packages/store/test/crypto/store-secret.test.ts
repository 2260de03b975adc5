import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStoreSecret, resolveStoreSecret, SecretBox, StoreError } from '../../src/index.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passport-secret-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function codeOf(action: () => unknown): Promise<string | undefined> {
  try {
    await action();
  } catch (error) {
    return error instanceof StoreError ? error.code : `not a StoreError: ${String(error)}`;
  }
  return undefined;
}

describe('resolveStoreSecret', () => {
  const key = randomBytes(32);

  it('decodes SKILLS_PASSPORT_SECRET given as base64, base64url or hex', async () => {
    for (const text of [key.toString('base64'), key.toString('base64url'), key.toString('hex')]) {
      const secret = await resolveStoreSecret({
        env: { SKILLS_PASSPORT_SECRET: text },
        production: true,
        dataDir: '/nonexistent',
      });
      expect(Buffer.from(secret).equals(key)).toBe(true);
    }
  });

  it('rejects a secret that is not 32 bytes with store-secret-invalid', async () => {
    const env = { SKILLS_PASSPORT_SECRET: randomBytes(16).toString('base64') };
    expect(await codeOf(() => resolveStoreSecret({ env, production: false, dataDir: tempDir() }))).toBe(
      'store-secret-invalid',
    );
    expect(await codeOf(() => parseStoreSecret('not a secret!'))).toBe('store-secret-invalid');
  });

  it('throws store-secret-missing in production when the variable is unset', async () => {
    expect(await codeOf(() => resolveStoreSecret({ env: {}, production: true, dataDir: tempDir() }))).toBe(
      'store-secret-missing',
    );
  });

  it('generates a development secret once, readable only by its owner, and reuses it', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = await resolveStoreSecret({ env: {}, production: false, dataDir });
    const again = await resolveStoreSecret({
      env: { SKILLS_PASSPORT_SECRET: '' },
      production: false,
      dataDir,
    });
    expect(first).toHaveLength(32);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(statSync(join(dataDir, 'dev-secret.key')).mode & 0o777).toBe(0o600);
  });

  it('agrees on one development secret when two processes start together', async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([
      resolveStoreSecret({ env: {}, production: false, dataDir }),
      resolveStoreSecret({ env: {}, production: false, dataDir }),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('SecretBox', () => {
  it('uses a fresh IV per record, so sealing the same key twice gives different ciphertexts', () => {
    const box = new SecretBox(randomBytes(32));
    const one = JSON.parse(box.seal({ d: 'same' }, 'ctx'));
    const two = JSON.parse(box.seal({ d: 'same' }, 'ctx'));
    expect(one.iv).not.toBe(two.iv);
    expect(one.ct).not.toBe(two.ct);
    expect(box.open(JSON.stringify(one), 'ctx')).toEqual({ d: 'same' });
  });

  it('reports a tampered ciphertext as store-secret-wrong rather than a crypto error', async () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = JSON.parse(box.seal({ d: 'x' }, 'ctx'));
    sealed.tag = Buffer.alloc(16).toString('base64url');
    expect(await codeOf(() => box.open(JSON.stringify(sealed), 'ctx'))).toBe('store-secret-wrong');
  });
});
