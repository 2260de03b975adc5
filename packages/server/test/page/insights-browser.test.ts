import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { ApiKeyRing } from '@skills-passport/server';
import type { IssuerStore } from '@skills-passport/store';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, seedStore } from '../../../store/test/insights/generated-log.js';
import { openTestStore, testApp } from '../support/test-app.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../../../test-output/server/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
const PARTNER_KEY = 'partner-key-0123456789abcdef';

if (!hasChromium) console.warn(`Skipping the insights browser test: ${CHROMIUM} is missing.`);

describe.skipIf(!hasChromium)('the insights page in a real browser (Debian chromium)', () => {
  let store: IssuerStore;
  let server: ReturnType<typeof serve>;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    store = await openTestStore();
    await seedStore(store, 2000);
    const app = testApp(store, {
      insights: {
        source: store,
        partnerKeys: new ApiKeyRing([{ issuerId: 'partnership', key: PARTNER_KEY }]),
        demandFor: async (area) => ({
          ...(area ? { area } : {}),
          jobs: [
            {
              requirements: {
                title: 'IT support technician',
                requirements: [
                  { framework: 'SFIA', code: 'USUP', importance: 'required' },
                  { framework: 'SFIA', code: 'NTAS', importance: 'required' },
                  {
                    framework: 'UK-EDS',
                    code: 'EDS-PROBLEM-SOLVING',
                    name: 'Problem solving',
                    importance: 'desirable',
                  },
                ],
              },
              openings: 300,
            },
          ],
        }),
      },
    });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    origin = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    await mkdir(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await store?.close();
  });

  it('renders both charts without script errors, asking for the key with HTTP Basic', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      httpCredentials: { username: 'partnership', password: PARTNER_KEY },
    });
    const page = await context.newPage();
    const response = await page.goto(`${origin}/insights/page?area=${AREAS[0]}&from=2026-01&to=2026-12`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('svg').count()).toBe(2);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(12);
    await expect(page.locator('h1').textContent()).resolves.toBe('Skills supply insights');
    await page.screenshot({ path: `${OUTPUT}insights-page.png`, fullPage: true });
    expect(existsSync(`${OUTPUT}insights-page.png`)).toBe(true);
    await context.close();
  });
});
