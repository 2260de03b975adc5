import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileAllValidators } from '@skills-passport/schemas';
import { assembleService } from '@skills-passport/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsignedBadge } from './support/credentials.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'passport-service-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('assembleService', () => {
  // First in this file, so nothing else has compiled a validator yet.
  it('compiles every schema validator before the app takes requests, so no request pays for it', async () => {
    const service = await assembleService({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
    try {
      expect(compileAllValidators()).toEqual([]);
    } finally {
      await service.store.close();
    }
  });

  it('starts in development with a demo issuer whose printed key issues, and keeps the issuer across starts', async () => {
    const env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' };
    const first = await assembleService(env);
    try {
      expect(first.config.storeUrl).toBe(`sqlite:${dataDir}/passport.db`);
      expect((await first.app.request('/ready')).status).toBe(200);
      const key = first.banner.join('\n').match(/this run only\): (\S+)/)?.[1];
      expect(key).toBeDefined();
      const issued = await first.app.request('/credentials/issue', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          credential: unsignedBadge('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'),
        }),
      });
      expect(issued.status).toBe(201);
      const { verifiableCredential } = (await issued.json()) as { verifiableCredential: object };
      const verified = await first.app.request('/credentials/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verifiableCredential }),
      });
      expect(verified.status).toBe(200);
    } finally {
      await first.store.close();
    }
    const second = await assembleService(env);
    try {
      const did = (text: string[]) => text.join('\n').match(/demo issuer: demo \((\S+)\)/)?.[1];
      expect(did(second.banner)).toBe(did(first.banner));
    } finally {
      await second.store.close();
    }
  });

  it('refuses production without the store secret and API keys (configuration error, nothing opened)', async () => {
    await expect(assembleService({ NODE_ENV: 'production', DATA_DIR: dataDir })).rejects.toMatchObject({
      code: 'invalid-options',
    });
  });

  it('uses configured API keys in production and creates no demo issuer', async () => {
    const service = await assembleService({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      STORE_URL: `sqlite:${join(dataDir, 'production.db')}`,
      SKILLS_PASSPORT_SECRET: Buffer.alloc(32, 7).toString('base64'),
      SKILLS_PASSPORT_API_KEYS: 'acme:acme-key-0123456789abcdef',
    });
    try {
      expect(service.banner).toEqual([]);
      expect((await service.app.request('/issuers/demo')).status).toBe(404);
    } finally {
      await service.store.close();
    }
  });
});
