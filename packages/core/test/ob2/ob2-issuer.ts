// Test support: an Open Badges 2.0 issuer (profile, BadgeClass, assertions, key, revocation list) served to the
// verifier through an injected fetch. No network; every requested URL is recorded for the tests to assert.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import type { createVerifier, SafeFetch, VerifierOptions } from '../../src/index.js';
import { recordingFetch, type Served } from '../verify/ob3-fixtures.js';

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const ORIGIN = 'https://vendor.example';
export const ISSUER_URL = `${ORIGIN}/issuer`;
export const BADGE_URL = `${ORIGIN}/badges/network-defender`;
export const KEY_URL = `${ORIGIN}/keys/1`;
export const REVOCATIONS_URL = `${ORIGIN}/revocations`;
export const ASSERTION_URL = `${ORIGIN}/assertions/42`;
export const NOW = new Date('2026-06-01T00:00:00Z');
export const LEARNER_EMAIL = 'sam.taylor@example.org';
export const SALT = 'd7f1c2';

type Json = Record<string, unknown>;

export interface Ob2Issuer {
  safeFetch: SafeFetch;
  /** Every URL the verifier requested, in order. */
  requests: string[];
  /** What each URL answers: a JSON body, optionally with an HTTP status. */
  documents: Map<string, Served>;
  privateKey: KeyObject;
  publicKeyPem: string;
  serve(url: string, body: unknown, status?: number): void;
  verifier(options?: VerifierOptions): ReturnType<typeof createVerifier>;
}

let rsa: { privateKey: KeyObject; publicKeyPem: string } | undefined;

/** One RSA key per test file: generating 2048-bit keys is the slow part. */
export function rsaKey(): { privateKey: KeyObject; publicKeyPem: string } {
  if (!rsa) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    rsa = {
      privateKey: pair.privateKey,
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  return rsa;
}

export function sha256Identity(identity: string, salt = ''): string {
  return `sha256$${createHash('sha256')
    .update(identity + salt)
    .digest('hex')}`;
}

export function issuerProfile(overrides: Json = {}): Json {
  return {
    '@context': OB2_CONTEXT,
    id: ISSUER_URL,
    type: 'Issuer',
    name: 'Example Vendor Certifications',
    url: ORIGIN,
    email: 'certs@vendor.example',
    publicKey: KEY_URL,
    revocationList: REVOCATIONS_URL,
    ...overrides,
  };
}

export function badgeClass(overrides: Json = {}): Json {
  return {
    '@context': OB2_CONTEXT,
    id: BADGE_URL,
    type: 'BadgeClass',
    name: 'Network Defender',
    description: 'Defends small networks against common attacks.',
    image: `${ORIGIN}/badges/network-defender.png`,
    criteria: { narrative: 'Passed the proctored Network Defender exam.' },
    issuer: ISSUER_URL,
    alignment: [
      {
        targetName: 'Information security',
        targetUrl: 'https://sfia-online.org/en/sfia-9/skills/information-security',
        targetFramework: 'SFIA',
        targetCode: 'SCTY',
      },
    ],
    ...overrides,
  };
}

export function hostedAssertion(overrides: Json = {}): Json {
  return {
    '@context': OB2_CONTEXT,
    id: ASSERTION_URL,
    type: 'Assertion',
    recipient: { type: 'email', hashed: true, salt: SALT, identity: sha256Identity(LEARNER_EMAIL, SALT) },
    badge: BADGE_URL,
    verification: { type: 'hosted' },
    issuedOn: '2026-01-10T09:00:00Z',
    ...overrides,
  };
}

export function signedAssertion(overrides: Json = {}): Json {
  return hostedAssertion({
    id: 'urn:uuid:6f1f3c1e-8d43-4c55-9b3c-0d2b8a8f4e21',
    uid: 'a-42',
    verification: { type: 'SignedBadge', creator: KEY_URL },
    ...overrides,
  });
}

export function cryptographicKey(publicKeyPem: string, overrides: Json = {}): Json {
  return {
    '@context': OB2_CONTEXT,
    id: KEY_URL,
    type: 'CryptographicKey',
    owner: ISSUER_URL,
    publicKeyPem,
    ...overrides,
  };
}

/** A compact RS256 JWS made with jose directly, independently of the verifier's code. */
export async function signAssertion(assertion: Json, privateKey: KeyObject): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(assertion)))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
}

/** An issuer serving a hosted assertion, its BadgeClass, profile, key and an empty revocation list. */
export function ob2Issuer(): Ob2Issuer {
  const { privateKey, publicKeyPem } = rsaKey();
  // The same in-memory web as the OB 3.0 tests, answering as OB 2.0 hosts do (JSON-LD).
  const web = recordingFetch('application/ld+json');
  const issuer: Ob2Issuer = {
    ...web,
    privateKey,
    publicKeyPem,
    serve: (url, body, status) => web.serve(url, body, status === undefined ? {} : { status }),
  };
  issuer.serve(ISSUER_URL, issuerProfile());
  issuer.serve(BADGE_URL, badgeClass());
  issuer.serve(ASSERTION_URL, hostedAssertion());
  issuer.serve(KEY_URL, cryptographicKey(publicKeyPem));
  issuer.serve(REVOCATIONS_URL, {
    '@context': OB2_CONTEXT,
    id: REVOCATIONS_URL,
    type: 'RevocationList',
    issuer: ISSUER_URL,
    revokedAssertions: [],
  });
  return issuer;
}

/** The code of each check, by check name, for compact assertions. */
export function codesOf(report: {
  checks: Array<{ check: string; code: string }>;
}): Record<string, string[]> {
  const codes: Record<string, string[]> = {};
  for (const check of report.checks) {
    codes[check.check] = [...(codes[check.check] ?? []), check.code];
  }
  return codes;
}
