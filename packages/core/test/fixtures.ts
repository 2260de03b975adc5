import { vi } from 'vitest';
import { generateKey, type PassportKeyPair } from '../src/index.js';

export const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

/** A minimal valid OB 3.0 credential for tests, issued by `issuer` to `learnerDid`. */
export function openBadge(
  issuer: PassportKeyPair,
  learnerDid: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    '@context': OB_CONTEXT,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Cyber security essentials',
    issuer: { id: issuer.controller, type: ['Profile'], name: 'Example Training College' },
    validFrom: '2026-01-10T09:00:00Z',
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://training.example.org/achievements/cyber-essentials',
        type: ['Achievement'],
        name: 'Cyber security essentials',
        description: 'A short module on protecting small organisations from common attacks.',
        criteria: { narrative: 'Passed the end-of-module assessment.' },
        achievementType: 'Course',
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Information security',
            targetUrl: 'https://sfia-online.org/en/sfia-9/skills/information-security',
            targetCode: 'SCTY',
            targetFramework: 'SFIA',
          },
        ],
      },
    },
    ...overrides,
  };
}

/** A fetch that records calls and fails: tests assert it was never used where nothing should be fetched. */
export function forbiddenFetch() {
  return vi.fn(async (url: string | URL | Request) => {
    throw new Error(`Unexpected network access to ${String(url)}`);
  });
}

export async function keys() {
  const issuer = await generateKey({ type: 'Ed25519' });
  const issuerP256 = await generateKey({ type: 'P-256' });
  const learner = await generateKey({ type: 'Ed25519' });
  return { issuer, issuerP256, learner };
}

/** The key as Multikey JSON, for loading straight into the @digitalbazaar libraries (not through our code). */
export function multikeyJson(key: PassportKeyPair, withSecret: boolean) {
  return {
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
    ...(withSecret ? { secretKeyMultibase: key.secretKeyMultibase } : {}),
  };
}
