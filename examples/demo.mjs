// The two-minute tour: a provider issues an Open Badges 3.0 micro-credential (Data Integrity and VC-JOSE),
// and an employer verifies both offline. Run with `pnpm demo` (after `pnpm install`, which builds nothing:
// `pnpm demo` builds first).
import { generateKey, issueCredential, verify } from '@skills-passport/core';

const issuerKey = await generateKey({ type: 'Ed25519' });
const learnerKey = await generateKey({ type: 'Ed25519' });

const credential = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Cyber security essentials',
  issuer: { id: issuerKey.controller, type: ['Profile'], name: 'Demo Training College' },
  validFrom: new Date().toISOString(),
  credentialSubject: {
    id: learnerKey.controller,
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
          targetUrl: 'https://sfia-online.org/',
          targetCode: 'SCTY',
          targetFramework: 'SFIA',
        },
      ],
    },
  },
};

for (const format of ['di', 'jwt']) {
  const signed = await issueCredential(credential, { issuerKey, format });
  const report = await verify(signed);
  console.log(`${format.toUpperCase()} credential: ${report.verified ? 'VERIFIED' : 'NOT VERIFIED'}`);
  for (const check of report.checks)
    console.log(`  ${check.outcome.padEnd(4)} ${check.check}: ${check.message}`);
}
