import { generateKey, issueCredential, type PassportKeyPair } from '@skills-passport/core';

/** A minimal valid Open Badges 3.0 credential, unsigned, for `learnerDid`. */
export function unsignedBadge(learnerDid: string, issuer?: string): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Cyber security essentials',
    ...(issuer ? { issuer: { id: issuer, type: ['Profile'], name: 'Example Training College' } } : {}),
    validFrom: '2026-01-10T09:00:00Z',
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      name: 'Aisha Khan',
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
  };
}

export interface SignedFixtures {
  issuer: PassportKeyPair;
  learner: PassportKeyPair;
  di: Record<string, unknown>;
  jwt: string;
}

/** A credential signed both ways by a fresh did:key issuer (no issuer service involved). */
export async function signedFixtures(): Promise<SignedFixtures> {
  const issuer = await generateKey({ type: 'Ed25519' });
  const learner = await generateKey({ type: 'Ed25519' });
  const unsigned = unsignedBadge(learner.controller, issuer.controller);
  const di = await issueCredential(unsigned, { issuerKey: issuer, format: 'di' });
  const jwt = await issueCredential(unsigned, { issuerKey: issuer, format: 'jwt' });
  return { issuer, learner, di, jwt };
}
