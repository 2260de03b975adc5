import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';

const ROWS = 1000;
/** Lines of the file (header = line 1) whose row is broken, each in a different way. */
const BAD_LINES = [57, 500, 1001];

const HEADER =
  'learnerId,learnerName,achievementId,achievementName,achievementDescription,criteria,skills,digitalSkillsLevel,deliveryMode,learningOutcomes,notionalLearningHours';

function row(line: number): string {
  const level = line === 57 ? 'wizard' : 'general';
  const skills = line === 500 ? 'SFIA:NOT-A-SKILL' : 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL';
  const hours = line === 1001 ? '' : '12';
  return [
    `did:web:learners.example:l${line}`,
    `Learner ${line}`,
    'https://training.example/modules/cyber-essentials',
    'Cyber security essentials',
    'Protecting devices and data at work.',
    'Completed all units and passed the assessment.',
    skills,
    level,
    'online',
    'Recognise phishing; Use multi-factor authentication',
    hours,
  ].join(',');
}

describe('skills-passport issue-batch on a 1,000-row cohort', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const lines = [HEADER];
    for (let line = 2; line <= ROWS + 1; line += 1) lines.push(row(line));
    await writeFile(sandbox.path('cohort.csv'), `${lines.join('\n')}\n`);
  });
  afterAll(() => sandbox.dispose());

  it('issues the 997 good rows and reports the 3 bad ones with their line numbers', async () => {
    const result = await sandbox.run([
      'issue-batch',
      'cohort.csv',
      '--format',
      'jwt',
      '--out',
      'issued',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const summary = result.json();
    expect(summary).toMatchObject({ rows: ROWS, issued: 997, alreadyIssued: 0 });
    expect(summary.rejected.map((rejected: { line: number }) => rejected.line)).toEqual(BAD_LINES);
    expect(new Set(summary.rejected.map((rejected: { code: string }) => rejected.code))).toEqual(
      new Set(['credential-invalid']),
    );
    const index = JSON.parse(await readFile(sandbox.path('issued/index.json'), 'utf8'));
    expect(index).toHaveLength(997);
    const files = (await readdir(sandbox.path('issued'))).filter((name) => name.endsWith('.jwt'));
    expect(files).toHaveLength(997);
    expect(sandbox.fetched).toEqual([]);
  }, 120_000);

  it('issues none when the same file is run again, and still reports the 3 bad lines', async () => {
    const result = await sandbox.run(['issue-batch', 'cohort.csv', '--format', 'jwt', '--out', 'issued']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^1000 rows: 0 issued, 997 already issued, 3 rejected$/m);
    for (const line of BAD_LINES)
      expect(result.stdout).toMatch(new RegExp(`^ {2}line ${line}: credential-invalid: `, 'm'));
  }, 120_000);
});
