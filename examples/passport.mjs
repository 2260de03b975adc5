// The skills passport end to end: a college issues two credentials to a learner, the learner presents them to an
// employer bound to the employer's one-time challenge, and the employer verifies the passport and matches it
// against two job profiles. Run with `node examples/passport.mjs` after `pnpm build`.
import { readFile } from 'node:fs/promises';
import {
  createMemoryChallengeStore,
  createVerifier,
  generateKey,
  issueChallenge,
  issueCredential,
  matchRequirements,
  present,
  selectCredentials,
} from '@skills-passport/core';

const readJson = async (path) => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8'));
const EMPLOYER = 'https://jobs.example.com';

// 1. The college and the learner each hold a key. The learner's did:key is who the credentials are about.
const collegeKey = await generateKey({ type: 'Ed25519' });
const learnerKey = await generateKey({ type: 'Ed25519' });
const college = { id: collegeKey.controller, type: ['Profile'], name: 'Demo City College' };

// 2. The college issues two micro-module credentials (sample data from examples/credentials), one as a Data
//    Integrity JSON-LD credential and one as a VC-JOSE JWT, to show that a passport can mix both.
async function issueModule(file, format) {
  const credential = await readJson(`./credentials/${file}`);
  credential.id = `urn:uuid:${crypto.randomUUID()}`;
  credential.issuer = college;
  credential.credentialSubject.id = learnerKey.controller;
  // The sample names another awarding body as the achievement's creator; here the college made both.
  credential.credentialSubject.achievement.creator = college;
  return issueCredential(credential, { issuerKey: collegeKey, format });
}
const wallet = [
  await issueModule('micro-module-cyber-security-essentials.json', 'di'),
  await issueModule('micro-module-getting-online.json', 'jwt'),
];
console.log(`The learner ${learnerKey.controller.slice(0, 24)}… holds ${wallet.length} credentials.`);

// 3. The employer's site hands out a one-time challenge for this application.
const challengeStore = createMemoryChallengeStore();
const challenge = await issueChallenge(challengeStore, { domain: EMPLOYER, ttlSeconds: 600 });

// 4. The learner chooses what to share (here: everything with a UK Essential Digital Skills or SFIA alignment)
//    and signs the passport for this employer and challenge.
const shared = [
  ...new Set([
    ...selectCredentials(wallet, { skills: ['SFIA:SCTY'] }),
    ...selectCredentials(wallet, { skills: ['UK-EDS:EDS-COMMUNICATING'] }),
  ]),
];
const passport = await present(shared, {
  holderKey: learnerKey,
  challenge: challenge.value,
  domain: EMPLOYER,
});

// 5. The employer verifies: the learner's signature, the challenge (used up now), the domain, and every credential.
//    These sample credentials carry no status entry, so there is no revocation list to fetch.
const verify = createVerifier({ challengeStore });
const report = await verify(passport, { domain: EMPLOYER });
console.log(`\nPassport verified: ${report.verified}`);
for (const check of report.checks)
  console.log(`  ${check.check.padEnd(9)} ${check.outcome.padEnd(4)} ${check.code}`);
for (const credential of report.credentials) {
  const { summary } = credential;
  const skills = summary.skills.map(
    (skill) => `${skill.framework}:${skill.code.split('/').pop()}${skill.level ? `@${skill.level}` : ''}`,
  );
  console.log(
    `  - ${summary.achievement?.name} (${credential.format}, ${credential.verified ? 'verified' : 'NOT verified'}): ${skills.join(', ')}`,
  );
}

// 6. Replaying the same passport fails: its challenge was used.
const replay = await verify(passport, { domain: EMPLOYER });
console.log(
  `\nReplayed passport verified: ${replay.verified} (${replay.checks.find((c) => c.check === 'challenge')?.code})`,
);

// 7. Matching against job profiles: only verified credentials count.
for (const file of ['junior-soc-analyst.json', 'digital-champion.json']) {
  const job = await readJson(`./jobs/${file}`);
  const match = matchRequirements(report, job);
  console.log(`\n${match.title}: score ${match.score}/100, all required skills met: ${match.allRequiredMet}`);
  for (const requirement of match.requirements) {
    const { framework, code, minimumLevel, importance } = requirement.requirement;
    const wanted = `${framework}:${code}${minimumLevel ? `@${minimumLevel}` : ''}`;
    const by = requirement.evidence.map((item) => item.achievement).join(', ');
    console.log(`  ${requirement.outcome.padEnd(10)} ${wanted.padEnd(25)} ${importance.padEnd(9)} ${by}`);
  }
}
