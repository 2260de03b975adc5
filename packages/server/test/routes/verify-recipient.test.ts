import { createSafeFetch, generateKey, present, type VerificationReport } from '@skills-passport/core';
import { createServiceVerifier } from '@skills-passport/server';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, PUBLIC_URL, postJson, testApp } from '../support/test-app.js';

// An Open Badges 2.0 issuer answered by an injected fetch: no network, every URL recorded.
const ORIGIN = 'https://vendor.example';
const CONTEXT = 'https://w3id.org/openbadges/v2';
const ASSERTION_URL = `${ORIGIN}/assertions/7`;
const DOCUMENTS: Record<string, unknown> = {
  [`${ORIGIN}/issuer`]: {
    '@context': CONTEXT,
    id: `${ORIGIN}/issuer`,
    type: 'Issuer',
    name: 'Example Vendor',
    url: ORIGIN,
  },
  [`${ORIGIN}/badges/7`]: {
    '@context': CONTEXT,
    id: `${ORIGIN}/badges/7`,
    type: 'BadgeClass',
    name: 'Cloud Practitioner',
    description: 'Knows the cloud.',
    image: `${ORIGIN}/badges/7.png`,
    criteria: { narrative: 'Passed the exam.' },
    issuer: `${ORIGIN}/issuer`,
  },
  [ASSERTION_URL]: {
    '@context': CONTEXT,
    id: ASSERTION_URL,
    type: 'Assertion',
    recipient: { type: 'email', hashed: false, identity: 'priya@example.org' },
    badge: `${ORIGIN}/badges/7`,
    verification: { type: 'hosted' },
    issuedOn: '2026-02-01T00:00:00Z',
  },
};

let store: IssuerStore;
const requested: string[] = [];

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

function app() {
  const outboundFetch = createSafeFetch({
    lookup: async () => [{ address: '93.184.216.34' }],
    fetch: async (url) => {
      requested.push(url);
      const body = DOCUMENTS[url];
      return body
        ? new Response(JSON.stringify(body), { headers: { 'content-type': 'application/ld+json' } })
        : new Response('not found', { status: 404 });
    },
  });
  let built: ReturnType<typeof testApp> | undefined;
  const verify = createServiceVerifier({
    publicUrl: PUBLIC_URL,
    request: (path, init) => built!.request(path, init),
    outboundFetch,
    proofWorkers: 0,
  });
  built = testApp(store, { verify });
  return built;
}

const recipientCheck = (report: VerificationReport) =>
  report.credentials[0]?.checks.find((check) => check.check === 'recipient');

describe('POST /credentials/verify with options.recipient', () => {
  it('checks an OB 2.0 hosted assertion against the recipient (200 when it matches, case-insensitively)', async () => {
    requested.length = 0;
    const response = await postJson(app(), '/credentials/verify', {
      verifiableCredential: ASSERTION_URL,
      options: { recipient: 'Priya@Example.org' },
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as VerificationReport;
    expect(recipientCheck(report)).toMatchObject({ outcome: 'pass', code: 'recipient-ok' });
    expect(requested).toEqual([ASSERTION_URL, `${ORIGIN}/badges/7`, `${ORIGIN}/issuer`]);
  });

  it('answers 422 with recipient-mismatch for another identity, also given as { identity, type }', async () => {
    for (const recipient of ['someone@example.org', { identity: 'https://priya.example', type: 'url' }]) {
      const response = await postJson(app(), '/credentials/verify', {
        verifiableCredential: ASSERTION_URL,
        options: { recipient },
      });
      expect(response.status).toBe(422);
      expect(recipientCheck((await response.json()) as VerificationReport)).toMatchObject({
        outcome: 'fail',
        code: 'recipient-mismatch',
      });
    }
  });

  it('skips the recipient check without options.recipient', async () => {
    const response = await postJson(app(), '/credentials/verify', { verifiableCredential: ASSERTION_URL });
    expect(response.status).toBe(200);
    expect(recipientCheck((await response.json()) as VerificationReport)?.outcome).toBe('skip');
  });

  it('refuses a recipient that is neither a string nor { identity } with 400 request-invalid', async () => {
    for (const recipient of [42, { type: 'email' }, '']) {
      const response = await postJson(app(), '/credentials/verify', {
        verifiableCredential: ASSERTION_URL,
        options: { recipient },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('request-invalid');
    }
  });
});

describe('POST /presentations/verify with options.recipient', () => {
  const bound = { challenge: 'c-recipient-1', domain: 'https://jobs.example.com' };

  it('checks the OB 2.0 badges a presentation carries as evidence: 200 on a match, 422 on another identity', async () => {
    const learner = await generateKey({ type: 'Ed25519' });
    const verifiablePresentation = await present([DOCUMENTS[ASSERTION_URL] as object], {
      holderKey: learner,
      ...bound,
      format: 'jwt',
    });
    const matched = await postJson(app(), '/presentations/verify', {
      verifiablePresentation,
      options: { ...bound, recipient: 'priya@example.org' },
    });
    expect(matched.status).toBe(200);
    const report = (await matched.json()) as VerificationReport;
    expect(report.credentials[0]?.format).toBe('ob2-hosted');
    expect(report.credentials[0]?.checks.map((check) => check.code)).toEqual(
      expect.arrayContaining(['recipient-ok', 'holder-not-bound']),
    );
    const other = await postJson(app(), '/presentations/verify', {
      verifiablePresentation,
      options: { ...bound, recipient: 'someone@example.org' },
    });
    expect(other.status).toBe(422);
    expect(recipientCheck((await other.json()) as VerificationReport)?.code).toBe('recipient-mismatch');
  });
});

describe("the employer's page with an Open Badges 2.0 badge", () => {
  const visibleText = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const submit = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return app().request('/verify-page', { method: 'POST', body: form });
  };

  it('verifies a pasted assertion URL and checks the email given in "Issued to"', async () => {
    requested.length = 0;
    const response = await submit({ credential: ASSERTION_URL, recipient: 'priya@example.org' });
    expect(response.status).toBe(200);
    const page = await response.text();
    const text = visibleText(page);
    expect(text).toContain('Open Badges 2.0, hosted by the issuer');
    expect(text).toContain('Cloud Practitioner');
    expect(text).toContain('recipient-ok');
    // The email stays in the form, so the employer sees what was checked.
    expect(page).toContain('value="priya@example.org"');
    expect(requested[0]).toBe(ASSERTION_URL);
  });

  it('shows "Not verified" with recipient-mismatch for another email', async () => {
    const text = visibleText(
      await (await submit({ credential: ASSERTION_URL, recipient: 'x@example.org' })).text(),
    );
    expect(text).toContain('Not verified');
    expect(text).toContain('recipient-mismatch');
  });
});
