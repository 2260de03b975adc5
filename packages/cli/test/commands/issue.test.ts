import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';

const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

const microModule = {
  learnerId: LEARNER,
  learnerName: 'Aisha Khan',
  achievementName: 'Cyber security essentials',
  achievementDescription: 'Protecting devices and data at work.',
  criteria: 'Completed all units and passed the assessment.',
  skills: 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL',
  digitalSkillsLevel: 'general',
  deliveryMode: 'blended',
  learningOutcomes: 'Recognise phishing; Use multi-factor authentication',
  notionalLearningHours: '12',
};

describe('skills-passport issue', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect(
      (await sandbox.run(['init', '--name', 'Acme Training', '--url', 'https://acme.example'])).code,
    ).toBe(0);
    await writeFile(sandbox.path('module.json'), JSON.stringify(microModule));
  });
  afterAll(() => sandbox.dispose());

  it('issues a micro-module credential from a JSON input file as Data Integrity, which verifies and validates', async () => {
    const result = await sandbox.run([
      'issue',
      '--profile',
      'micro-module',
      'module.json',
      '--out',
      'aisha.json',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(result.json().credentialId).toMatch(/^urn:uuid:/);
    const credential = JSON.parse(await readFile(sandbox.path('aisha.json'), 'utf8'));
    expect([credential.proof].flat()[0].cryptosuite).toBe('eddsa-rdfc-2022');
    expect(credential.issuer.name).toBe('Acme Training');
    expect((await sandbox.run(['verify', 'aisha.json'])).code).toBe(0);
    expect((await sandbox.run(['validate', 'aisha.json', '--profile', 'micro-module'])).code).toBe(0);
  });

  it('issues a micro-module credential as a JWT', async () => {
    const result = await sandbox.run([
      'issue',
      '--profile',
      'micro-module',
      'module.json',
      '--format',
      'jwt',
      '--out',
      'aisha.jwt',
    ]);
    expect(result.code).toBe(0);
    expect((await readFile(sandbox.path('aisha.jwt'), 'utf8')).trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await sandbox.run(['verify', 'aisha.jwt'])).code).toBe(0);
  });

  it('issues a vendor certification from flags, in both formats', async () => {
    const flags = [
      '--learner',
      LEARNER,
      '--learner-name',
      'Sam Patel',
      '--set',
      'achievementName=CompTIA Security+',
      '--set',
      'achievementDescription=Core skills for a cyber security role.',
      '--set',
      'certificationCode=SY0-701',
      '--set',
      'vendorName=CompTIA',
      '--set',
      'vendorUrl=https://www.comptia.org/',
      '--set',
      'candidateId=COMP001021234567',
      '--set',
      'skills=SFIA:SCTY:3',
      '--set',
      'validUntil=2029-02-10',
    ];
    for (const format of ['di', 'jwt']) {
      const out = `sam.${format}`;
      const result = await sandbox.run([
        'issue',
        '--profile',
        'vendor-certification',
        ...flags,
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(result.code).toBe(0);
      const verified = await sandbox.run(['verify', out, '--json']);
      expect(verified.code).toBe(0);
      expect(verified.json().credentials[0].summary.achievement.name).toBe('CompTIA Security+');
    }
  });

  it('prints the signed credential on stdout without --out', async () => {
    const result = await sandbox.run(['issue', '--profile', 'micro-module', 'module.json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).proof).toBeDefined();
  });

  it('reports io-error when the output file cannot be written', async () => {
    const result = await sandbox.run([
      'issue',
      '--profile',
      'micro-module',
      'module.json',
      '--out',
      'no/such/dir/a.json',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error io-error: /);
  });

  it('rejects invalid input with credential-invalid and the path of each field to fix', async () => {
    const result = await sandbox.run([
      'issue',
      '--profile',
      'micro-module',
      'module.json',
      '--set',
      'digitalSkillsLevel=expert',
      '--set',
      'skills=SFIA:SCTY',
      '--json',
    ]);
    expect(result.code).toBe(2);
    const { error } = result.json();
    expect(error.code).toBe('credential-invalid');
    const paths = error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toContain('/digitalSkillsLevel');
    expect(paths).toContain('/skills/0');
  });
});
