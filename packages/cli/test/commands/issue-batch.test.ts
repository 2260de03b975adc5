import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';

const HEADER =
  'learnerId,learnerName,achievementId,achievementName,achievementDescription,criteria,skills,digitalSkillsLevel,deliveryMode,learningOutcomes,notionalLearningHours';
const MODULE =
  'https://acme.example/modules/cyber,Cyber security essentials,Protecting devices and data.,Passed the assessment.';

function row(
  learner: string,
  name: string,
  skills = 'SFIA:SCTY:2',
  level = 'general',
  mode = 'online',
): string {
  return `${learner},${name},${MODULE},${skills},${level},${mode},"Spot phishing; Use MFA",12`;
}

describe('skills-passport issue-batch', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const csv = [
      HEADER,
      row('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'Aisha Khan'),
      row('did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG', 'Ben Jones', 'SFIA:NOPE'),
      row('did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf', 'Chloe Ng'),
      row('did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ut4nKzPEeQH', 'Dev Patel', 'SFIA:SCTY:2', 'expert'),
    ].join('\n');
    await writeFile(sandbox.path('cohort.csv'), `${csv}\n`);
  });
  afterAll(() => sandbox.dispose());

  it('issues the good rows, reports the bad ones by line number, and writes one file per learner plus index.json', async () => {
    const result = await sandbox.run(['issue-batch', 'cohort.csv', '--out', 'issued', '--json']);
    expect(result.code).toBe(1);
    const summary = result.json();
    expect(summary.issued).toBe(2);
    expect(summary.rejected.map((rejected: { line: number }) => rejected.line)).toEqual([3, 5]);
    expect(
      summary.rejected.every((rejected: { code: string }) => rejected.code === 'credential-invalid'),
    ).toBe(true);
    const index = JSON.parse(await readFile(sandbox.path('issued/index.json'), 'utf8'));
    expect(index.map((entry: { learner: string }) => entry.learner).sort()).toEqual([
      'Aisha Khan',
      'Chloe Ng',
    ]);
    const files = (await readdir(sandbox.path('issued'))).filter((name) => name !== 'index.json');
    expect(files).toHaveLength(2);
    expect((await sandbox.run(['verify', `issued/${index[0].file}`])).code).toBe(0);
    expect(result.stderr).toContain('progress 4/4');
  });

  it('issues nothing new when the same file is run again', async () => {
    const result = await sandbox.run(['issue-batch', 'cohort.csv', '--out', 'issued', '--json']);
    const summary = result.json();
    expect(summary.issued).toBe(0);
    expect(summary.alreadyIssued).toBe(2);
    const index = JSON.parse(await readFile(sandbox.path('issued/index.json'), 'utf8'));
    expect(index).toHaveLength(2);
  });

  it('lists credentials issued by an earlier run into another folder without a file', async () => {
    const result = await sandbox.run(['issue-batch', 'cohort.csv', '--out', 'elsewhere', '--json']);
    expect(result.json()).toMatchObject({ issued: 0, alreadyIssued: 2 });
    const index = JSON.parse(await readFile(sandbox.path('elsewhere/index.json'), 'utf8'));
    expect(index.map((entry: { file: string | null }) => entry.file)).toEqual([null, null]);
  });

  it('prints a template whose example row issues as is, for both profiles', async () => {
    for (const profile of ['micro-module', 'vendor-certification']) {
      const template = await sandbox.run(['issue-batch', '--template', '--profile', profile]);
      expect(template.code).toBe(0);
      expect(template.stdout.split('\n')[0]).toContain('learnerId');
      await writeFile(sandbox.path(`${profile}.csv`), template.stdout);
      const result = await sandbox.run([
        'issue-batch',
        `${profile}.csv`,
        '--profile',
        profile,
        '--out',
        profile,
        '--format',
        'jwt',
        '--json',
      ]);
      expect(result.code).toBe(0);
      expect(result.json().issued).toBe(1);
    }
  });

  it('refuses a file that is not CSV with input-unreadable', async () => {
    await writeFile(sandbox.path('broken.csv'), 'learnerId,learnerName\n"unterminated,quote\n');
    const result = await sandbox.run(['issue-batch', 'broken.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error input-unreadable: /);
  });
});
