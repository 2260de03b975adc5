import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { IssuerStore } from '@skills-passport/store';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedFixtures, signedFixtures, unsignedBadge } from '../support/credentials.js';
import { ACME_KEY, issueThroughRoute, issuingApp } from '../support/issuing-app.js';
import { openTestStore, postJson } from '../support/test-app.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../../../test-output/server/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium)
  console.warn(`Skipping the browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)("the employer's page in a real browser (Debian chromium)", () => {
  let store: IssuerStore;
  let fixtures: SignedFixtures;
  let revoked: object;
  let server: ReturnType<typeof serve>;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    store = await openTestStore();
    fixtures = await signedFixtures();
    const { app } = await issuingApp(store);
    const issued = await issueThroughRoute(app, unsignedBadge(fixtures.learner.controller));
    revoked = issued.body.verifiableCredential as { id: string };
    await postJson(
      app,
      '/credentials/status',
      { credentialId: (revoked as { id: string }).id, action: 'revoke' },
      {
        authorization: `Bearer ${ACME_KEY}`,
      },
    );
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

  it('shows "Verified" and the skills after pasting a credential and pressing Check', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.getByLabel('Credential or passport').fill(JSON.stringify(fixtures.di));
    await page.getByRole('button', { name: 'Check' }).click();
    const verdict = page.locator('#verdict-title');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/^Verified/);
    expect(await page.locator('main').textContent()).toContain('SCTY');
    await page.screenshot({ path: `${OUTPUT}page-verified.png`, fullPage: true });
    // The stylesheet and script load under the CSP: a violation would show as a console error.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows "Not verified" and "Revoked" for a revoked credential', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('Credential or passport').fill(JSON.stringify(revoked));
    await page.getByRole('button', { name: 'Check' }).click();
    const verdict = page.locator('#verdict-title');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe('Not verified');
    expect(await page.getByText('Revoked', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${OUTPUT}page-revoked.png`, fullPage: true });
    await page.close();
  });

  it('verifies a share link carried in the URL fragment', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/#vp=${encodeURIComponent(fixtures.jwt)}`);
    const verdict = page.locator('#verdict-title');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/^Verified/);
    await page.close();
  });
});
