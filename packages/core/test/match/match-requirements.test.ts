import { readdirSync, readFileSync } from 'node:fs';
import { type JobRequirements, SKILLS_PASSPORT_CONTEXT_URL, validate } from '@skills-passport/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Codes,
  createVerifier,
  generateKey,
  issueCredential,
  matchRequirements,
  type PassportKeyPair,
  present,
  type StatusChecker,
  statusNotChecked,
  type VerificationReport,
} from '../../src/index.js';
import { result } from '../../src/verify/report.js';
import { forbiddenFetch, OB_CONTEXT, openBadge } from '../fixtures.js';

const DOMAIN = 'https://jobs.example.com';
const CHALLENGE = 'match-test-challenge';
const ESCO_URI = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000e5c0';

const sfia = (code: string, skillLevel: number) => ({
  type: ['Alignment'],
  targetName: `SFIA ${code} level ${skillLevel}`,
  targetUrl: `https://sfia-online.org/en/shortcode/9/${code}`,
  targetCode: code,
  targetFramework: 'SFIA 9',
  skillLevel,
});
const eds = (code: string) => ({
  type: ['Alignment'],
  targetName: code,
  targetUrl: 'https://www.gov.uk/government/publications/essential-digital-skills-framework',
  targetCode: code,
  targetFramework: 'UK Essential Digital Skills',
});
const esco = (uri: string) => ({
  type: ['Alignment'],
  targetName: 'ESCO skill',
  targetUrl: uri,
  targetCode: uri,
  targetFramework: 'ESCO',
});

const job: JobRequirements = {
  title: 'Junior cyber-security analyst',
  requirements: [
    { framework: 'SFIA', code: 'SCTY', minimumLevel: 2, importance: 'required' },
    { framework: 'SFIA', code: 'NTAS', minimumLevel: 2, importance: 'desirable' },
  ],
};

describe('matching a passport against job requirements', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const revokedIds = new Set<string>();
  // The status list itself is another module's concern: here a checker that says which credentials are revoked.
  const checkStatus: StatusChecker = async (credential) =>
    revokedIds.has(String(credential.id))
      ? result('status', 'fail', Codes.revoked, 'Revoked by the issuer.')
      : statusNotChecked(credential);
  const verify = createVerifier({ checkStatus, resolverOptions: { fetch: forbiddenFetch() } });

  beforeAll(async () => {
    [issuer, learner] = await Promise.all([generateKey(), generateKey()]);
  });

  async function badge(name: string, alignment: object[], overrides: Record<string, unknown> = {}) {
    const unsigned = openBadge(issuer, learner.controller, {
      '@context': [...OB_CONTEXT, SKILLS_PASSPORT_CONTEXT_URL],
      name,
      ...overrides,
    });
    const achievement = (unsigned.credentialSubject as { achievement: Record<string, unknown> }).achievement;
    achievement.name = name;
    achievement.alignment = alignment;
    return issueCredential(unsigned, { issuerKey: issuer });
  }

  async function passport(credentials: object[]): Promise<VerificationReport> {
    const presentation = await present(credentials, {
      holderKey: learner,
      challenge: CHALLENGE,
      domain: DOMAIN,
    });
    return verify(presentation, { challenge: CHALLENGE, domain: DOMAIN });
  }

  it('meets a required SFIA skill at or above the minimum level, naming the credential that evidences it', async () => {
    const security = await badge('Security analyst bootcamp', [sfia('SCTY', 3)]);
    const report = await passport([security]);
    const match = matchRequirements(report, job);
    expect(match.requirements[0]).toMatchObject({ outcome: 'met', bestLevel: 3 });
    expect(match.requirements[0]?.evidence[0]).toMatchObject({
      credentialId: security.id,
      achievement: 'Security analyst bootcamp',
      level: 3,
    });
    expect(match.requirements[1]?.outcome).toBe('missing');
    expect(match.allRequiredMet).toBe(true);
    expect(match.score).toBe(67);
  });

  it('partly meets a skill evidenced only below the minimum level', async () => {
    const report = await passport([await badge('Cyber security essentials', [sfia('SCTY', 1)])]);
    const match = matchRequirements(report, job);
    expect(match.requirements[0]).toMatchObject({ outcome: 'partly-met', bestLevel: 1 });
    expect(match.allRequiredMet).toBe(false);
    expect(match.score).toBe(33);
  });

  it('ignores revoked and expired credentials, listing them as not counted with the reason', async () => {
    const revoked = await badge('Security analyst bootcamp', [sfia('SCTY', 4)]);
    revokedIds.add(String(revoked.id));
    const expired = await badge('Networking fundamentals', [sfia('NTAS', 3)], {
      validFrom: '2023-01-01T00:00:00Z',
      validUntil: '2024-01-01T00:00:00Z',
    });
    const current = await badge('Cyber security essentials', [sfia('SCTY', 1)]);
    const report = await passport([revoked, expired, current]);
    const match = matchRequirements(report, job);
    expect(match.requirements.map((requirement) => requirement.outcome)).toEqual(['partly-met', 'missing']);
    expect(match.requirements[0]?.evidence.map((item) => item.credentialId)).toEqual([current.id]);
    expect(match.counted).toBe(1);
    expect(match.notCounted.map((entry) => [entry.credentialId, entry.reason])).toEqual([
      [revoked.id, 'revoked'],
      [expired.id, 'expired'],
    ]);
  });

  it('counts nothing from a presentation that failed as a whole', async () => {
    const security = await badge('Security analyst bootcamp', [sfia('SCTY', 3)]);
    const presentation = await present([security], {
      holderKey: learner,
      challenge: CHALLENGE,
      domain: DOMAIN,
    });
    const report = await verify(presentation, { challenge: 'another-employers-challenge', domain: DOMAIN });
    const match = matchRequirements(report, job);
    expect(match.requirements[0]?.outcome).toBe('missing');
    expect(match.notCounted[0]?.reason).toBe('presentation-not-verified');
  });

  it('compares ESCO by concept URI and UK Essential Digital Skills by code, never across frameworks', async () => {
    const credential = await badge('Staying safe online', [
      eds('EDS-SAFE-LEGAL'),
      esco(ESCO_URI),
      sfia('SCTY', 5),
    ]);
    const report = await passport([credential]);
    const match = matchRequirements(report, {
      title: 'Digital champion',
      requirements: [
        { framework: 'UK-EDS', code: 'EDS-SAFE-LEGAL', importance: 'required' },
        { framework: 'ESCO', code: ESCO_URI.replace('http:', 'https:'), importance: 'required' },
        { framework: 'UK-EDS', code: 'EDS-TRANSACTING', importance: 'desirable' },
        { framework: 'SFIA', code: 'SCTY', minimumLevel: 6, importance: 'desirable' },
      ],
    });
    expect(match.requirements.map((requirement) => requirement.outcome)).toEqual([
      'met',
      'met',
      'missing',
      'partly-met',
    ]);
    expect(match.allRequiredMet).toBe(true);
  });

  it('takes a list of credential reports as well as a presentation report', async () => {
    const report = await verify(await badge('Networking fundamentals', [sfia('NTAS', 2)]));
    const match = matchRequirements(report.credentials, job);
    expect(match.requirements[1]?.outcome).toBe('met');
  });

  it('refuses job requirements that do not follow the schema with invalid-options', () => {
    const bad = { title: 'x', requirements: [{ framework: 'SFIA', code: 'scty', importance: 'required' }] };
    expect(() => matchRequirements([], bad as JobRequirements)).toThrow(
      expect.objectContaining({ code: 'invalid-options' }) as Error,
    );
  });

  it('ships example job requirements that follow the schema', () => {
    const folder = new URL('../../../../examples/jobs/', import.meta.url);
    const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const document = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
      expect({ file, ...validate('job-requirements', document) }).toEqual({ file, valid: true, errors: [] });
    }
  });
});
