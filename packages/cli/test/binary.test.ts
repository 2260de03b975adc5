import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const JOB = fileURLToPath(new URL('../../../examples/jobs/junior-soc-analyst.json', import.meta.url));

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

/** Runs the built binary in `cwd` with `cwd/data` as its data directory, no colours, no network needed. */
function cli(cwd: string, args: string[], stdin?: string): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd, env: { ...process.env, SKILLS_PASSPORT_HOME: join(cwd, 'data'), NO_COLOR: '1' } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout,
          stderr,
          json: () => JSON.parse(stdout),
        }),
    );
    // Without input the child's stdin is closed at once, so nothing waits for a terminal.
    child.stdin?.end(stdin ?? '');
  });
}

const MODULE_INPUT = {
  learnerName: 'Aisha Khan',
  achievementId: 'https://training.example/modules/soc-foundations',
  achievementName: 'Security operations foundations',
  achievementDescription: 'Monitoring and triage in a security operations centre.',
  criteria: 'Passed the end-of-module assessment.',
  skills: ['SFIA:SCTY:3', 'UK-EDS:EDS-SAFE-LEGAL'],
  digitalSkillsLevel: 'specialist',
  deliveryMode: 'online',
  learningOutcomes: ['Triage security alerts'],
  notionalLearningHours: 20,
};

const CSV = [
  'learnerId,learnerName,achievementId,achievementName,achievementDescription,criteria,skills,digitalSkillsLevel,deliveryMode,learningOutcomes,notionalLearningHours',
  'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK,Aisha Khan,https://training.example/m/1,Cyber basics,Staying safe.,Passed.,SFIA:SCTY:2,general,online,Spot phishing,6',
  'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG,Ben Jones,https://training.example/m/1,Cyber basics,Staying safe.,Passed.,SFIA:SCTY:2,wizard,online,Spot phishing,6',
].join('\n');

// The built binary exists after `pnpm build` (the root `pnpm test` builds first); without it these are skipped.
// The two blocks are independent (own temporary directory each), so they run side by side; the tests inside
// each block run in order, since each builds on the state the previous one left in its data directory.
describe.skipIf(!existsSync(MAIN))('the built binary: provider commands', { concurrent: true }, () => {
  let dir: string;
  let credentialId: string;
  let suspendableId: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'skills-passport-bin-provider-'));
    await writeFile(join(dir, 'module.json'), JSON.stringify(MODULE_INPUT));
    await writeFile(join(dir, 'cohort.csv'), `${CSV}\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.sequential('init creates the issuer once and refuses a second one', async () => {
    const first = await cli(dir, ['init', '--name', 'Acme Training']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Issuer ready: Acme Training$/m);
    expect(first.stdout).toMatch(/DID\s+did:key:z6Mk/);
    const again = await cli(dir, ['init', '--name', 'Acme Training']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error already-initialised: /);
  });

  it.sequential('issue signs a profile credential in both formats and refuses invalid input with exit 2', async () => {
    const learner = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const [di, jwt, bad] = await Promise.all([
      cli(dir, [
        'issue',
        '--profile',
        'micro-module',
        'module.json',
        '--learner',
        learner,
        '--out',
        'di.json',
      ]),
      cli(dir, [
        ...['issue', '--profile', 'micro-module', 'module.json', '--learner', learner],
        ...['--format', 'jwt', '--suspendable', '--out', 'cred.jwt', '--json'],
      ]),
      cli(dir, ['issue', '--profile', 'micro-module', 'module.json', '--set', 'digitalSkillsLevel=wizard']),
    ]);
    expect(di.code).toBe(0);
    expect(di.stdout).toMatch(/^Issued urn:uuid:[0-9a-f-]+ \(di\): di\.json$/m);
    credentialId = JSON.parse(await readFile(join(dir, 'di.json'), 'utf8')).id;
    expect(jwt.code).toBe(0);
    suspendableId = jwt.json().credentialId;
    expect((await readFile(join(dir, 'cred.jwt'), 'utf8')).split('.')).toHaveLength(3);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error credential-invalid: /);
  });

  it.sequential('issue-batch issues good rows, reports bad ones by line (exit 1), and prints a template', async () => {
    const batch = await cli(dir, ['issue-batch', 'cohort.csv', '--out', 'issued', '--format', 'jwt']);
    expect(batch.code).toBe(1);
    expect(batch.stdout).toMatch(/^2 rows: 1 issued, 0 already issued, 1 rejected$/m);
    expect(batch.stdout).toMatch(/^ {2}line 3: credential-invalid: /m);
    const template = await cli(dir, ['issue-batch', '--template', '--profile', 'vendor-certification']);
    expect(template.code).toBe(0);
    expect(template.stdout.split('\n')[0]).toContain('certificationCode');
  });

  it.sequential('status, revoke, suspend and unsuspend report the credential state', async () => {
    expect((await cli(dir, ['status', 'di.json'])).stdout.trim()).toBe(`${credentialId}: active`);
    const revoked = await cli(dir, ['revoke', credentialId]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout.trim()).toBe(`${credentialId}: revoked`);
    expect((await cli(dir, ['revoke', credentialId])).stdout).toContain('(unchanged)');
    const suspended = await cli(dir, ['suspend', suspendableId, '--json']);
    expect(suspended.code).toBe(0);
    expect(suspended.json()).toMatchObject({ suspended: true, changed: true });
    const status = await cli(dir, ['status', 'cred.jwt', '--json']);
    expect(status.json()).toMatchObject({ suspended: true, revoked: false });
    const lifted = await cli(dir, ['unsuspend', suspendableId]);
    expect(lifted.code).toBe(0);
    expect(lifted.stdout.trim()).toBe(`${suspendableId}: active`);
    const unknown = await cli(dir, ['status', 'urn:uuid:00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error credential-unknown: /);
  });

  it.sequential('verify exits 0 for a good credential (read from stdin), 1 for a revoked one, 2 for unreadable input', async () => {
    const jwt = await readFile(join(dir, 'cred.jwt'), 'utf8');
    const [good, revoked, revokedText, missing] = await Promise.all([
      cli(dir, ['verify', '-', '--offline'], jwt),
      cli(dir, ['verify', 'di.json', '--offline', '--json']),
      cli(dir, ['verify', 'di.json', '--offline']),
      cli(dir, ['verify', 'missing.json']),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^✔ VERIFIED credential/);
    expect(good.stdout).toMatch(/^ {2}Status {7}verified: not revoked \(checked\)$/m);
    expect(revoked.code).toBe(1);
    expect(revoked.json().verified).toBe(false);
    expect(JSON.stringify(revoked.json())).toContain('"code":"revoked"');
    expect(revoked.json().credentials[0].summary.status).toBe('revoked');
    expect(revokedText.stdout).toMatch(/^ {2}Status {7}REVOKED by the issuer$/m);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error input-unreadable: /);
  });

  it.sequential('validate exits 0 for a valid credential, 1 with error paths for an invalid one, 2 when unreadable', async () => {
    const credential = JSON.parse(await readFile(join(dir, 'di.json'), 'utf8'));
    delete credential.credentialSubject.achievement.digitalSkillsLevel;
    await writeFile(join(dir, 'broken.json'), JSON.stringify(credential));
    await writeFile(join(dir, 'garbage.json'), 'not json at all');
    const [valid, invalid, garbage] = await Promise.all([
      cli(dir, ['validate', 'di.json']),
      cli(dir, ['validate', 'broken.json', '--profile', 'micro-module']),
      cli(dir, ['validate', 'garbage.json']),
    ]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^valid\s+micro-module$/m);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/^invalid\s+micro-module$/m);
    expect(invalid.stdout).toContain('/credentialSubject/achievement');
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/^error input-unreadable: /);
  });

  it.sequential('keys export writes a 0600 backup that keys import makes the issuer of another data directory', async () => {
    const exported = await cli(dir, ['keys', 'export', '--out', 'backup.json', '--json']);
    expect(exported.code).toBe(0);
    const did = exported.json().did;
    expect((await stat(join(dir, 'backup.json'))).mode & 0o777).toBe(0o600);
    const imported = await cli(dir, ['--data-dir', 'other', 'keys', 'import', 'backup.json', '--json']);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ did });
    const notBackup = await cli(dir, ['--data-dir', 'other', 'keys', 'import', 'module.json']);
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toMatch(/^error input-unreadable: /);
  });
});

describe.skipIf(!existsSync(MAIN))(
  'the built binary: learner and employer commands',
  { concurrent: true },
  () => {
    let dir: string;
    let did: string;
    let credentialId: string;
    const challenge = 'c-4f1d';
    const domain = 'https://jobs.example.com';
    // The provider's data directory is `data` (the default of cli()); the learner's is `learner`.
    const learner = (args: string[]) => cli(dir, ['--data-dir', 'learner', ...args]);
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'skills-passport-bin-learner-'));
      await writeFile(join(dir, 'module.json'), JSON.stringify(MODULE_INPUT));
      expect((await cli(dir, ['init', '--name', 'Acme Training'])).code).toBe(0);
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it.sequential('wallet init prints the learner DID and refuses a second wallet', async () => {
      const created = await learner(['wallet', 'init', '--json']);
      expect(created.code).toBe(0);
      did = created.json().did;
      expect(did).toMatch(/^did:key:z/);
      const again = await learner(['wallet', 'init']);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/^error wallet-exists: /);
    });

    it.sequential('wallet add keeps a credential issued to the wallet DID and refuses one that does not verify', async () => {
      const issued = await cli(dir, [
        ...['issue', '--profile', 'micro-module', 'module.json', '--learner', did],
        ...['--out', 'mine.json', '--json'],
      ]);
      credentialId = issued.json().credentialId;
      const added = await learner(['wallet', 'add', 'mine.json', '--offline']);
      expect(added.code).toBe(0);
      expect(added.stdout).toContain(`Added ${credentialId}`);
      const tampered = JSON.parse(await readFile(join(dir, 'mine.json'), 'utf8'));
      tampered.name = 'Something else';
      await writeFile(join(dir, 'tampered.json'), JSON.stringify(tampered));
      const refused = await learner(['wallet', 'add', 'tampered.json', '--offline']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^error not-verified: /m);
    });

    it.sequential('wallet list and wallet show describe the held credential', async () => {
      const [list, show, missing] = await Promise.all([
        learner(['wallet', 'list']),
        learner(['wallet', 'show', credentialId.slice(-6)]),
        learner(['wallet', 'show', 'no-such-credential']),
      ]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/^ACHIEVEMENT\s+ISSUER\s+SKILLS\s+EXPIRES\s+KIND\s+ID$/m);
      expect(list.stdout).toMatch(/^Security operations foundations\s+Acme Training\s+SFIA:SCTY \(3\)/m);
      expect(show.code).toBe(0);
      expect(show.stdout).toMatch(new RegExp(`Id\\s+${credentialId}`));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^error credential-not-found: /);
    });

    it.sequential('wallet present signs a presentation the employer verifies (0) and matches; a wrong challenge is 1', async () => {
      const presented = await learner([
        ...['wallet', 'present', '--challenge', challenge, '--domain', domain],
        ...['--out', 'passport.json'],
      ]);
      expect(presented.code).toBe(0);
      expect(presented.stdout).toContain(`Presented 1 credential(s) to ${domain}: passport.json`);
      const [verified, wrong, matched] = await Promise.all([
        cli(dir, ['verify', 'passport.json', '--challenge', challenge, '--domain', domain, '--offline']),
        cli(dir, ['verify', 'passport.json', '--challenge', 'other', '--domain', domain, '--offline']),
        cli(dir, ['match', 'passport.json', JOB, '--challenge', challenge, '--domain', domain, '--offline']),
      ]);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/^✔ VERIFIED presentation/);
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toMatch(/^✘ NOT VERIFIED presentation: /);
      expect(matched.code).toBe(0);
      expect(matched.stdout).toMatch(/^SFIA:SCTY >= 3\s+required\s+met/m);
      expect(matched.stdout).toMatch(/^Score: \d+\/100\./m);
    });

    it.sequential('match exits 2 for a job file that is not job requirements, and wallet present 2 without --challenge', async () => {
      const [badJob, usage] = await Promise.all([
        cli(dir, ['match', 'passport.json', 'module.json']),
        learner(['wallet', 'present', '--domain', domain]),
      ]);
      expect(badJob.code).toBe(2);
      expect(badJob.stderr).toMatch(/^error input-unreadable: /);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/^error usage: /);
    });
  },
);
