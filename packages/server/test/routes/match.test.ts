import { type MatchResult, present, type VerificationReport } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedFixtures, signedFixtures, unsignedBadge } from '../support/credentials.js';
import { ACME_KEY, type IssuingApp, issueThroughRoute, issuingApp } from '../support/issuing-app.js';
import { openTestStore, postJson, testApp } from '../support/test-app.js';

const DOMAIN = 'jobs.example';
const JOB = {
  title: 'Junior cyber-security analyst',
  requirements: [
    { framework: 'SFIA', code: 'SCTY', importance: 'required' },
    { framework: 'SFIA', code: 'NTAS', importance: 'desirable' },
  ],
};

let store: IssuerStore;
let service: IssuingApp;
let fixtures: SignedFixtures;

beforeAll(async () => {
  store = await openTestStore();
  service = await issuingApp(store);
  fixtures = await signedFixtures();
});
afterAll(() => store.close());

async function challengeOf(): Promise<string> {
  return ((await (await postJson(service.app, '/challenges', {})).json()) as { challenge: string }).challenge;
}

describe('POST /passport/match', () => {
  it('verifies the passport and matches its skills against the job (200)', async () => {
    const challenge = await challengeOf();
    const passport = await present([fixtures.di], { holderKey: fixtures.learner, challenge, domain: DOMAIN });
    const response = await postJson(service.app, '/passport/match', {
      verifiablePresentation: passport,
      requirements: JOB,
      options: { challenge, domain: DOMAIN },
    });
    expect(response.status).toBe(200);
    const { report, match } = (await response.json()) as { report: VerificationReport; match: MatchResult };
    expect(report.verified).toBe(true);
    expect(match.allRequiredMet).toBe(true);
    expect(match.requirements.map((item) => item.outcome)).toEqual(['met', 'missing']);
  });

  it('does not count a credential revoked through the service (422, requirement missing)', async () => {
    const { body } = await issueThroughRoute(service.app, unsignedBadge(fixtures.learner.controller));
    const credential = body.verifiableCredential as { id: string };
    await postJson(
      service.app,
      '/credentials/status',
      { credentialId: credential.id, action: 'revoke' },
      { authorization: `Bearer ${ACME_KEY}` },
    );
    const challenge = await challengeOf();
    const passport = await present([credential], { holderKey: fixtures.learner, challenge, domain: DOMAIN });
    const response = await postJson(service.app, '/passport/match', {
      verifiablePresentation: passport,
      requirements: JOB,
      options: { challenge, domain: DOMAIN },
    });
    expect(response.status).toBe(422);
    const { match } = (await response.json()) as { match: MatchResult };
    expect(match.requirements[0]?.outcome).toBe('missing');
    expect(match.notCounted.map((item) => item.reason)).toContain('revoked');
  });

  it('answers 400 with the schema errors for invalid requirements, and 400 without a presentation', async () => {
    const invalid = await postJson(service.app, '/passport/match', {
      verifiablePresentation: 'eyJhbGciOiJFZERTQSJ9.e30.sig',
      requirements: { title: 'No requirements list' },
    });
    expect(invalid.status).toBe(400);
    const problem = (await invalid.json()) as { code: string; errors: unknown[] };
    expect(problem.code).toBe('invalid-options');
    expect(problem.errors.length).toBeGreaterThan(0);
    expect((await postJson(service.app, '/passport/match', { requirements: JOB })).status).toBe(400);
  });

  it('answers 503 matching-unavailable when the app was built without matching', async () => {
    const response = await postJson(testApp(store), '/passport/match', {
      verifiablePresentation: {},
      requirements: JOB,
    });
    expect(response.status).toBe(503);
  });
});

describe('the page with job requirements', () => {
  it('shows the match under the verdict when requirements are given', async () => {
    const form = new FormData();
    form.set('credential', JSON.stringify(fixtures.di));
    form.set('requirements', JSON.stringify(JOB));
    const page = await (await service.app.request('/verify-page', { method: 'POST', body: form })).text();
    const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(page).toContain('<label for="requirements-text">');
    expect(text).toContain('Junior cyber-security analyst');
    expect(text).toContain('Every required skill is met.');
    expect(text).toContain('Not met');
  });

  it('says plainly when the requirements are not valid JSON', async () => {
    const form = new FormData();
    form.set('credential', JSON.stringify(fixtures.di));
    form.set('requirements', '{ title: ');
    const text = await (await service.app.request('/verify-page', { method: 'POST', body: form })).text();
    expect(text).toContain('Job requirements not used');
  });
});
