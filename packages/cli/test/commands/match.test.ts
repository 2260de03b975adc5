import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';

const job = {
  title: 'Junior SOC analyst',
  requirements: [
    { framework: 'SFIA', code: 'SCTY', minimumLevel: 2, importance: 'required' },
    { framework: 'SFIA', code: 'NTAS', minimumLevel: 2, importance: 'desirable' },
  ],
};

describe('skills-passport match', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const did = (await sandbox.run(['wallet', 'init', '--json'])).json().did;
    const issued = await sandbox.run([
      'issue',
      '--profile',
      'micro-module',
      '--learner',
      did,
      '--set',
      'achievementName=Cyber security essentials',
      '--set',
      'achievementDescription=Protecting devices and data at work.',
      '--set',
      'criteria=Passed the assessment.',
      '--set',
      'skills=SFIA:SCTY:2',
      '--set',
      'digitalSkillsLevel=general',
      '--set',
      'deliveryMode=online',
      '--set',
      'learningOutcomes=Spot phishing',
      '--set',
      'notionalLearningHours=12',
      '--out',
      'cyber.json',
    ]);
    expect(issued.code).toBe(0);
    expect((await sandbox.run(['wallet', 'add', 'cyber.json'])).code).toBe(0);
    const args = ['wallet', 'present', '--challenge', 'job-42', '--domain', 'https://jobs.example.com'];
    expect((await sandbox.run([...args, '--out', 'passport.json'])).code).toBe(0);
    await writeFile(sandbox.path('job.json'), JSON.stringify(job));
    await writeFile(sandbox.path('bad-job.json'), JSON.stringify({ title: 'No requirements' }));
  });
  afterAll(() => sandbox.dispose());

  it('prints the skills match table of a verified passport against a job', async () => {
    const args = [
      'match',
      'passport.json',
      'job.json',
      '--challenge',
      'job-42',
      '--domain',
      'https://jobs.example.com',
    ];
    const table = await sandbox.run(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('SFIA:SCTY');
    const result = (await sandbox.run([...args, '--json'])).json();
    const outcomes = result.match.requirements.map((entry: { outcome: string }) => entry.outcome);
    expect(outcomes).toEqual(['met', 'missing']);
  });

  it('exits 1 when the presentation does not verify for the given challenge', async () => {
    const result = await sandbox.run([
      'match',
      'passport.json',
      'job.json',
      '--challenge',
      'other',
      '--domain',
      'https://jobs.example.com',
    ]);
    expect(result.code).toBe(1);
  });

  it('exits 2 when the job file is not valid job requirements', async () => {
    const result = await sandbox.run(['match', 'passport.json', 'bad-job.json', '--json']);
    expect(result.code).toBe(2);
    expect(result.json().error.code).toBe('input-unreadable');
  });
});
