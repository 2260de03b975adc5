import { readFile } from 'node:fs/promises';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createIssuerService, matchRequirements, TrustRegistry } from '@skills-passport/core';
import { compileAllValidators } from '@skills-passport/schemas';
import { type IssuerStore, openStore, resolveStoreSecret } from '@skills-passport/store';
import type { Context, Hono } from 'hono';
import { ApiKeyRing } from './api-keys.js';
import { createApp } from './app.js';
import type { RequestLogEntry } from './app-deps.js';
import { loadConfig, type ServerConfig } from './config.js';
import { loadDemandProfiles } from './demand-profiles.js';
import { createServiceVerifier } from './service-verifier.js';

/** The id of the issuer development creates on first start. */
export const DEMO_ISSUER_ID = 'demo';

/** Everything `main.ts` needs to listen and shut down. */
export interface AssembledService {
  app: Hono;
  config: ServerConfig;
  store: IssuerStore;
  /** Lines to print once the port is open (the demo issuer and its API key, in development). */
  banner: string[];
}

/**
 * Builds the whole service from an environment, without opening a port: configuration, store secret, the store,
 * the issuer service, the verifiers, the demo issuer and its key in development, and the app. Throws
 * PassportError / StoreError for configuration the operator must fix.
 *
 * @example
 * const { app, config, store, banner } = await assembleService(process.env);
 * serve({ fetch: app.fetch, port: config.port });
 */
export async function assembleService(
  env: Record<string, string | undefined>,
  options: { log?: (entry: RequestLogEntry) => void; onInternalError?: (error: unknown) => void } = {},
): Promise<AssembledService> {
  const config = loadConfig(env);
  // Every issue and verification checks a schema: compiled here (about 0.3 s), not by the first request.
  compileAllValidators();
  const secret = await resolveStoreSecret({ env, production: config.production, dataDir: config.dataDir });
  const store = await openStore(config.storeUrl, { secret });
  try {
    const issuerService = createIssuerService({ store, baseUrl: config.publicUrl });
    const trustRegistry = config.trustRegistryFile
      ? TrustRegistry.from(JSON.parse(await readFile(config.trustRegistryFile, 'utf8')))
      : undefined;
    // Read at start, so a bad profile stops the service with a message rather than failing every request.
    const demandFor =
      config.demandProfileFiles.length > 0 ? await loadDemandProfiles(config.demandProfileFiles) : undefined;

    let apiKeys = config.apiKeys;
    const banner: string[] = [];
    if (!config.production) {
      const demo =
        (await issuerService.getIssuer(DEMO_ISSUER_ID)) ??
        (await issuerService
          .createIssuer({ id: DEMO_ISSUER_ID, name: 'Demo Training Provider', url: config.publicUrl })
          .catch(async (error) => {
            // Another instance on the same database created it first: use theirs.
            const existing = (error as { code?: string }).code === 'issuer-exists';
            const created = existing ? await issuerService.getIssuer(DEMO_ISSUER_ID) : undefined;
            if (!created) throw error;
            return created;
          }));
      banner.push(`  demo issuer: ${demo.id} (${demo.did})`);
      if (apiKeys.size === 0) {
        // Printed once and never stored: a development key should not outlive the process that showed it.
        const key = ApiKeyRing.generateKey();
        apiKeys = apiKeys.with(demo.id, key);
        banner.push(`  API key for ${demo.id} (this run only): ${key}`);
      }
    }

    let app: Hono | undefined;
    const verifierOptions = {
      publicUrl: config.publicUrl,
      request: (path: string, init: RequestInit) => app!.request(path, init),
      statusUnreachable: config.statusUnreachable,
      ...(trustRegistry ? { trustRegistry } : {}),
    };
    app = createApp({
      verify: createServiceVerifier({ ...verifierOptions, challengeStore: store }),
      // People paste passports bound to other verifiers' challenges; a small page needs no proof worker threads.
      verifyPage: createServiceVerifier({ ...verifierOptions, proofWorkers: 0 }),
      publicUrl: config.publicUrl,
      challenges: store,
      ping: () => store.ping(),
      issuerService,
      matchRequirements,
      findIssuance: (credentialId) => store.findIssuance(credentialId),
      apiKeys,
      insights: {
        source: store,
        partnerKeys: config.partnerKeys,
        k: config.insightsK,
        ...(demandFor ? { demandFor } : {}),
      },
      corsOrigins: config.corsOrigins,
      maxBodyBytes: config.maxBodyBytes,
      ...(config.rateLimitPerMinute > 0
        ? { rateLimit: { perMinute: config.rateLimitPerMinute, clientKey: clientKeyOf(config.trustProxy) } }
        : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    });
    return { app, config, store, banner };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The client's address: the TCP peer, or the first `X-Forwarded-For` hop when a trusted proxy sets it. */
function clientKeyOf(trustProxy: boolean): (c: Context) => string | undefined {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // an in-process request (app.request) has no socket
    }
  };
}
