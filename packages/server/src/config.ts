import { PassportError } from '@skills-passport/core';
import { ApiKeyRing } from './api-keys.js';

/** The service's configuration, read once from the environment by `main.ts`. */
export interface ServerConfig {
  port: number;
  /** `sqlite:<path>` (default `sqlite:<dataDir>/passport.db`) or `postgres://...`. */
  storeUrl: string;
  /** Where the embedded database and the development store secret live (default `./data`). */
  dataDir: string;
  publicUrl: string;
  production: boolean;
  /** Configured API keys (empty when none: development then makes one for the demo issuer). */
  apiKeys: ApiKeyRing;
  /** Partnership members' keys for `/insights` (empty: insights answer 503). */
  partnerKeys: ApiKeyRing;
  /** Minimum learners per published insights figure (default 10, at least 5). */
  insightsK: number;
  /** Demand profile files (one per area) that `/insights` sets against supply. */
  demandProfileFiles: string[];
  corsOrigins: string[];
  maxBodyBytes: number;
  /** A trust registry JSON file naming recognised issuers. */
  trustRegistryFile?: string;
  /** POST requests per minute per client; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Take the client address from `X-Forwarded-For` (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** What another issuer's status list that cannot be fetched means: a warning (default) or a failure. */
  statusUnreachable: 'warn' | 'fail';
}

/** Environment variables the service reads. */
export const ENV = {
  port: 'PORT',
  /** Address to listen on; read by `startService`'s caller (`main.ts`), not part of `ServerConfig`. */
  host: 'HOST',
  storeUrl: 'STORE_URL',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'DATA_DIR',
  publicUrl: 'PUBLIC_URL',
  nodeEnv: 'NODE_ENV',
  apiKeys: 'SKILLS_PASSPORT_API_KEYS',
  partnerKeys: 'SKILLS_PASSPORT_PARTNER_KEYS',
  insightsK: 'INSIGHTS_MIN_LEARNERS',
  demandProfiles: 'INSIGHTS_DEMAND_PROFILES',
  secret: 'SKILLS_PASSPORT_SECRET',
  corsOrigins: 'CORS_ORIGINS',
  maxBodyBytes: 'MAX_BODY_BYTES',
  trustRegistry: 'TRUST_REGISTRY',
  rateLimit: 'RATE_LIMIT_PER_MINUTE',
  trustProxy: 'TRUST_PROXY',
  statusUnreachable: 'STATUS_UNREACHABLE',
} as const;

/**
 * Reads the configuration from an environment (passed in, so tests need not touch `process.env`). Throws
 * PassportError `invalid-options` with a message naming the variable to fix; in production a missing store
 * secret or missing API keys is such an error, since generated ones would protect nothing.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const production = env[ENV.nodeEnv] === 'production';
  const port = integer(env, ENV.port, 3000, 0, 65535);
  const dataDir = value(env, ENV.dataDir) ?? './data';
  const storeUrl =
    value(env, ENV.storeUrl) ??
    value(env, ENV.databaseUrl) ??
    `sqlite:${dataDir.replace(/\/+$/, '')}/passport.db`;
  const publicUrl = (value(env, ENV.publicUrl) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw invalid(`${ENV.publicUrl} must be an http(s) URL such as https://passport.example.org.`);
  }
  const keysText = value(env, ENV.apiKeys);
  const missing: string[] = [];
  if (production && !value(env, ENV.secret))
    missing.push(`${ENV.secret} (32 random bytes, base64: openssl rand -base64 32)`);
  if (production && !keysText)
    missing.push(`${ENV.apiKeys} (issuerId:key,... with keys of 16+ random characters)`);
  if (missing.length > 0) {
    throw invalid(`NODE_ENV=production needs ${missing.join(' and ')}.`);
  }
  return {
    port,
    storeUrl,
    dataDir,
    publicUrl,
    production,
    apiKeys: keysText ? ApiKeyRing.parse(keysText) : new ApiKeyRing(),
    partnerKeys: ApiKeyRing.parse(value(env, ENV.partnerKeys) ?? ''),
    insightsK: integer(env, ENV.insightsK, 10, 5, 1_000_000),
    demandProfileFiles: (value(env, ENV.demandProfiles) ?? '')
      .split(',')
      .map((file) => file.trim())
      .filter(Boolean),
    corsOrigins: (value(env, ENV.corsOrigins) ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    maxBodyBytes: integer(env, ENV.maxBodyBytes, 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    trustRegistryFile: value(env, ENV.trustRegistry),
    rateLimitPerMinute: integer(env, ENV.rateLimit, 120, 0, 1_000_000),
    trustProxy: ['1', 'true', 'yes'].includes((value(env, ENV.trustProxy) ?? '').toLowerCase()),
    statusUnreachable: statusUnreachableOf(env),
  };
}

function statusUnreachableOf(env: Record<string, string | undefined>): 'warn' | 'fail' {
  const text = (value(env, ENV.statusUnreachable) ?? 'warn').toLowerCase();
  if (text !== 'warn' && text !== 'fail') throw invalid(`${ENV.statusUnreachable} must be warn or fail.`);
  return text;
}

function value(env: Record<string, string | undefined>, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = value(env, name);
  if (text === undefined) return fallback;
  const number = Number(text);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return number;
}

function invalid(message: string): PassportError {
  return new PassportError('invalid-options', message);
}
