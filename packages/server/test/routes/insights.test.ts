import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyRing, assembleService } from '@skills-passport/server';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, seedStore } from '../../../store/test/insights/generated-log.js';
import { openTestStore, testApp } from '../support/test-app.js';

const PARTNER_KEY = 'partner-key-0123456789abcdef';
const QUERY = `area=${AREAS[0]}&from=2026-01&to=2026-12`;

describe('GET /insights and /insights/page', () => {
  let store: IssuerStore;
  let app: ReturnType<typeof testApp>;

  beforeAll(async () => {
    store = await openTestStore();
    await seedStore(store, 2000);
    app = testApp(store, {
      insights: {
        source: store,
        partnerKeys: new ApiKeyRing([{ issuerId: 'leeds-partnership', key: PARTNER_KEY }]),
        demandFor: async (area) =>
          area === AREAS[0]
            ? {
                area,
                jobs: [
                  {
                    requirements: {
                      title: 'SOC analyst',
                      requirements: [{ framework: 'SFIA', code: 'SCTY', importance: 'required' }],
                    },
                    openings: 900,
                  },
                ],
              }
            : undefined,
      },
    });
  });
  afterAll(() => store?.close());

  const bearer = { authorization: `Bearer ${PARTNER_KEY}` };

  it('answers 401 api-key-missing without a key and api-key-invalid with a wrong one', async () => {
    const missing = await app.request(`/insights?${QUERY}`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { code: string }).code).toBe('api-key-missing');
    expect(missing.headers.get('www-authenticate')).toContain('Basic');
    const wrong = await app.request(`/insights?${QUERY}`, {
      headers: { authorization: 'Bearer nope-nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe('api-key-invalid');
  });

  it('answers 200 with the report for a partner key, with demand and no learner DID', async () => {
    const response = await app.request(`/insights?${QUERY}`, { headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const text = await response.text();
    expect(text).not.toContain('did:key:');
    const report = JSON.parse(text);
    expect(report.query).toEqual({ area: AREAS[0], from: '2026-01', to: '2026-12', k: 10 });
    expect(report.total.status).toBe('published');
    expect(report.demand.skills[0]).toMatchObject({ key: 'SFIA:SCTY', demand: 900 });
  });

  it('refuses a k below the service minimum with insights-k-too-small', async () => {
    const response = await app.request(`/insights?${QUERY}&k=5`, { headers: bearer });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('insights-k-too-small');
  });

  it('refuses a bad month with insights-period-invalid', async () => {
    const response = await app.request(`/insights?area=x&from=2026-1&to=2026-12`, { headers: bearer });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('insights-period-invalid');
  });

  it('serves the page with SVG charts to a browser sending the key as the Basic password', async () => {
    const basic = Buffer.from(`anyone:${PARTNER_KEY}`).toString('base64');
    const response = await app.request(`/insights/page?${QUERY}`, {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<svg');
    expect(page).toContain('Top skill gaps');
    expect(page).toContain('Credentials issued per month');
    expect(page).not.toContain('did:key:');
    expect(page).not.toMatch(/<script(?! src="\/assets\/page\.js")/);
  });

  it('answers 503 insights-unavailable when no partner keys are configured', async () => {
    const response = await testApp(store).request(`/insights?${QUERY}`, { headers: bearer });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('insights-unavailable');
  });

  it('documents both routes in the OpenAPI document', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as { paths: object };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/insights', '/insights/page']));
  });
});

describe('insights wiring from the environment', () => {
  it('reads SKILLS_PASSPORT_PARTNER_KEYS and INSIGHTS_MIN_LEARNERS, and only partner keys open /insights', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'passport-insights-'));
    const service = await assembleService({
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '0',
      SKILLS_PASSPORT_API_KEYS: 'acme:issuer-key-0123456789abcdef',
      SKILLS_PASSPORT_PARTNER_KEYS: `leeds:${PARTNER_KEY}`,
      INSIGHTS_MIN_LEARNERS: '12',
    });
    try {
      const ok = await service.app.request('/insights?from=2026-01&to=2026-12', {
        headers: { authorization: `Bearer ${PARTNER_KEY}` },
      });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { query: { k: number } }).query.k).toBe(12);
      const issuerKey = await service.app.request('/insights?from=2026-01&to=2026-12', {
        headers: { authorization: 'Bearer issuer-key-0123456789abcdef' },
      });
      expect(issuerKey.status).toBe(401);
    } finally {
      await service.store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
