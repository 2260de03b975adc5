import {
  createIssuerService,
  type IssuerProfile,
  type IssuerService,
  matchRequirements,
} from '@skills-passport/core';
import type { AppDeps } from '@skills-passport/server';
import { ApiKeyRing, createApp, createServiceVerifier } from '@skills-passport/server';
import type { IssuerStore } from '@skills-passport/store';
import type { Hono } from 'hono';
import { PUBLIC_URL, postJson } from './test-app.js';

export const ACME_KEY = 'acme-key-0123456789abcdef';
export const BETA_KEY = 'beta-key-0123456789abcdef';

export interface IssuingApp {
  app: Hono;
  service: IssuerService;
  acme: IssuerProfile;
  beta: IssuerProfile;
}

/**
 * The full service over a store: the real issuer service, two issuers with API keys, and the service's own
 * verifier, which fetches status lists and DID documents from the app in-process (no network at all).
 */
export async function issuingApp(store: IssuerStore, overrides: Partial<AppDeps> = {}): Promise<IssuingApp> {
  const service = createIssuerService({ store, baseUrl: PUBLIC_URL });
  const acme =
    (await service.getIssuer('acme')) ??
    (await service.createIssuer({
      id: 'acme',
      name: 'Acme Training',
      didWeb: { domain: 'passport.test', path: 'issuers/acme' },
    }));
  const beta =
    (await service.getIssuer('beta')) ??
    (await service.createIssuer({ id: 'beta', name: 'Beta Certifications' }));
  let app: Hono | undefined;
  const verifierOptions = {
    publicUrl: PUBLIC_URL,
    request: (path: string, init: RequestInit) => app!.request(path, init),
    outboundFetch: false as const,
    proofWorkers: 0,
    // The test store's lists are 64 bits (openTestStore), far under the spec's minimum.
    minimumStatusListBits: 8,
  };
  const verify = createServiceVerifier({ ...verifierOptions, challengeStore: store });
  const verifyPage = createServiceVerifier(verifierOptions);
  app = createApp({
    verify,
    verifyPage,
    publicUrl: PUBLIC_URL,
    challenges: store,
    ping: () => store.ping(),
    issuerService: service,
    matchRequirements,
    findIssuance: (id) => store.findIssuance(id),
    apiKeys: new ApiKeyRing([
      { issuerId: 'acme', key: ACME_KEY },
      { issuerId: 'beta', key: BETA_KEY },
    ]),
    ...overrides,
  });
  return { app, service, acme, beta };
}

/** Issues through the route with acme's key. */
export async function issueThroughRoute(
  app: Hono,
  credential: Record<string, unknown>,
  options: Record<string, unknown> = {},
) {
  const response = await postJson(
    app,
    '/credentials/issue',
    { credential, options },
    { authorization: `Bearer ${ACME_KEY}` },
  );
  return {
    response,
    body: (await response.json()) as { verifiableCredential: Record<string, unknown> | string },
  };
}
