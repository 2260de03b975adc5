import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '@skills-passport/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('startService', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'skills-passport-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const env = (extra: Record<string, string> = {}) => ({
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '0',
    ...extra,
  });

  it('opens a free port for PORT=0, names it in the default public URL, serves, and stops cleanly', async () => {
    const printed: string[] = [];
    const service = await startService({
      env: env({ PORT: '0' }),
      host: '127.0.0.1',
      handleSignals: false,
      print: (line) => printed.push(line),
    });
    expect(service.port).toBeGreaterThan(0);
    expect(service.url).toBe(`http://localhost:${service.port}`);
    expect(printed[0]).toBe(
      `Skills Passport service on http://localhost:${service.port} (listening on 127.0.0.1:${service.port}, store: sqlite)`,
    );
    // The demo issuer's profile names the real port too.
    const demo = (await (await fetch(`http://127.0.0.1:${service.port}/issuers/demo`)).json()) as {
      url?: string;
    };
    expect(demo.url).toBe(service.url);
    expect((await fetch(`http://127.0.0.1:${service.port}/health`)).status).toBe(200);
    expect(await service.stop('test')).toBe(0);
    expect(await service.stopped).toBe(0);
    expect(printed.at(-1)).toBe('test: finishing requests in flight, then closing the store.');
    await expect(fetch(`http://127.0.0.1:${service.port}/health`)).rejects.toThrow();
  });

  it('refuses a port in use with invalid-options, and the data directory stays usable', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(
        startService({
          env: env({ PORT: String(port) }),
          host: '127.0.0.1',
          handleSignals: false,
          print: () => {},
        }),
      ).rejects.toMatchObject({
        code: 'invalid-options',
        message: expect.stringContaining('already in use'),
      });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    const again = await startService({ env: env({ PORT: '0' }), handleSignals: false, print: () => {} });
    expect(await again.stop()).toBe(0);
  });

  it('reports a configuration mistake before opening any port', async () => {
    await expect(
      startService({ env: env({ PORT: '0', PUBLIC_URL: 'ftp://passport.example' }), handleSignals: false }),
    ).rejects.toMatchObject({ code: 'invalid-options', message: expect.stringContaining('PUBLIC_URL') });
  });
});
