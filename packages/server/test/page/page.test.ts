import { bake, present } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedFixtures, signedFixtures, unsignedBadge } from '../support/credentials.js';
import { ACME_KEY, issueThroughRoute, issuingApp } from '../support/issuing-app.js';
import { openTestStore, postJson, testApp } from '../support/test-app.js';

let store: IssuerStore;
let fixtures: SignedFixtures;

beforeAll(async () => {
  store = await openTestStore();
  fixtures = await signedFixtures();
});
afterAll(() => store.close());

function postForm(app: ReturnType<typeof testApp>, form: FormData) {
  return app.request('/verify-page', { method: 'POST', body: form });
}

/** The page text with tags removed, so assertions read like what a person sees. */
function visibleText(page: string): string {
  return page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe("the employer's page", () => {
  it('shows a labelled form that works without JavaScript', async () => {
    const response = await testApp(store).request('/');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<form id="verify-form" method="post" action="/verify-page"');
    expect(page).toContain('<label for="credential-text">');
    expect(page).toContain('<label for="credential-file">');
    expect(page).toContain('<html lang="en">');
  });

  it('sends a Content-Security-Policy that forbids inline and foreign scripts', async () => {
    const response = await testApp(store).request('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toMatch(/<script>|<style>|style="/);
  });

  it('renders the verdict, issuer, learner, achievement and skills of a pasted credential', async () => {
    const form = new FormData();
    form.set('credential', JSON.stringify(fixtures.di));
    const response = await postForm(testApp(store), form);
    expect(response.status).toBe(200);
    const text = visibleText(await response.text());
    expect(text).toMatch(/Verified( with warnings)?/);
    expect(text).not.toContain('Not verified');
    expect(text).toContain('Example Training College');
    expect(text).toContain('Aisha Khan');
    expect(text).toContain('Cyber security essentials');
    expect(text).toContain('SCTY');
    expect(text).toContain('SFIA');
    expect(text).toContain('10 January 2026');
  });

  it('renders "Not verified" with the failing check for a tampered credential', async () => {
    const form = new FormData();
    form.set('credential', JSON.stringify({ ...fixtures.di, name: 'Forged' }));
    const text = visibleText(await (await postForm(testApp(store), form)).text());
    expect(text).toContain('Not verified');
    expect(text).toContain('proof-invalid');
  });

  it('verifies an uploaded baked PNG badge', async () => {
    const png = await bake(tinyPng(), fixtures.jwt);
    const form = new FormData();
    form.set('credential', '');
    form.set('file', new File([png], 'badge.png', { type: 'image/png' }));
    const text = visibleText(await (await postForm(testApp(store), form)).text());
    expect(text).toMatch(/Verified/);
    expect(text).not.toContain('Not verified');
    expect(text).toContain('JWT (VC-JOSE)');
  });

  it('verifies the credential in a share link (?vp=)', async () => {
    const response = await testApp(store).request(`/?vp=${encodeURIComponent(fixtures.jwt)}`);
    const text = visibleText(await response.text());
    expect(text).toContain('Cyber security essentials');
    expect(text).not.toContain('Not verified');
  });

  it('escapes credential content so it cannot inject markup', async () => {
    const form = new FormData();
    form.set('credential', JSON.stringify({ ...fixtures.di, name: '<script>alert(1)</script>' }));
    const page = await (await postForm(testApp(store), form)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
  });

  it('renders a pasted passport: the holder and each credential inside', async () => {
    const passport = await present([fixtures.di, fixtures.jwt], {
      holderKey: fixtures.learner,
      challenge: 'issued-by-another-employer',
      domain: 'jobs.example',
    });
    const { app } = await issuingApp(store);
    const form = new FormData();
    form.set('credential', JSON.stringify(passport));
    const text = visibleText(
      await (await app.request('/verify-page', { method: 'POST', body: form })).text(),
    );
    // The page's verifier keeps no challenges: another employer's challenge is a warning, not a failure.
    expect(text).toContain('Verified with warnings');
    expect(text).toContain('Credentials (2)');
    expect(text).toContain(fixtures.learner.controller);
    expect(text).toContain('challenge-not-checked');
  });

  it('shows "Revoked" for a credential its issuer revoked through the service', async () => {
    const { app } = await issuingApp(store);
    const { body } = await issueThroughRoute(app, unsignedBadge(fixtures.learner.controller));
    const credential = body.verifiableCredential as { id: string };
    await postJson(
      app,
      '/credentials/status',
      { credentialId: credential.id, action: 'revoke' },
      { authorization: `Bearer ${ACME_KEY}` },
    );
    const form = new FormData();
    form.set('credential', JSON.stringify(credential));
    const text = visibleText(
      await (await app.request('/verify-page', { method: 'POST', body: form })).text(),
    );
    expect(text).toContain('Not verified');
    expect(text).toContain('Revoked');
    expect(text).toContain('Acme Training');
  });

  it('answers 400 with the form when nothing was sent', async () => {
    const response = await postForm(testApp(store), new FormData());
    expect(response.status).toBe(400);
    expect(visibleText(await response.text())).toContain('Nothing to check');
  });

  it('answers 413 for an upload over the body limit', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(8192)], 'big.png', { type: 'image/png' }));
    const response = await postForm(testApp(store, { maxBodyBytes: 4096 }), form);
    expect(response.status).toBe(413);
  });
});

/** A valid 1×1 PNG to bake into. */
function tinyPng(): Uint8Array {
  return Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
}
