import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';
import { unsignedCredential } from '../fixtures.js';
import { ASSERTION_URL, bakedPng, LEARNER_EMAIL, serveOb2Issuer } from '../ob2-badge.js';

describe('skills-passport verify --recipient, and OB 2.0 assertion URLs', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    serveOb2Issuer(sandbox);
    await writeFile(sandbox.path('hosted.png'), bakedPng(ASSERTION_URL));
  });
  afterAll(() => sandbox.dispose());

  it('verifies a hosted assertion given by its URL and shows the recipient check that matched', async () => {
    const result = await sandbox.run(['verify', ASSERTION_URL, '--recipient', LEARNER_EMAIL]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ VERIFIED credential/);
    expect(result.stdout).toMatch(
      /^ {2}pass {2}recipient recipient-ok\s+Issued to Sam\.Taylor@example\.org/m,
    );
    expect(result.stdout).toMatch(/^ {2}Format {7}ob2-hosted$/m);
  });

  it('fails (exit 1) when the badge was issued to another email, naming recipient-mismatch', async () => {
    const result = await sandbox.run(['verify', 'hosted.png', '--recipient', 'other@example.org', '--json']);
    expect(result.code).toBe(1);
    const recipient = result
      .json()
      .credentials[0].checks.find((check: { check: string }) => check.check === 'recipient');
    expect(recipient).toMatchObject({ outcome: 'fail', code: 'recipient-mismatch' });
  });

  it('reports the recipient as not checked when no --recipient is given', async () => {
    const result = await sandbox.run(['verify', ASSERTION_URL, '--json']);
    expect(result.code).toBe(0);
    const recipient = result
      .json()
      .credentials[0].checks.find((check: { check: string }) => check.check === 'recipient');
    expect(recipient).toMatchObject({ outcome: 'skip', code: 'recipient-not-checked' });
  });

  it('shows the recipient check of an OB 3.0 credential too (skipped when it names no identifier)', async () => {
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const did = (await sandbox.run(['wallet', 'init', '--json'])).json().did;
    await writeFile(sandbox.path('mine.json'), JSON.stringify(unsignedCredential(did)));
    expect((await sandbox.run(['issue', 'mine.json', '--out', 'mine-signed.json'])).code).toBe(0);
    const result = await sandbox.run(['verify', 'mine-signed.json', '--recipient', LEARNER_EMAIL]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}skip {2}recipient recipient-not-checked /m);
  });

  it('refuses a plain http assertion URL as unreadable input (exit 2) without fetching it', async () => {
    sandbox.fetched.length = 0;
    const result = await sandbox.run(['verify', 'http://vendor.example/assertions/42']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error input-unreadable: .*only https/);
    expect(sandbox.fetched).toEqual([]);
  });

  it('cannot check a hosted assertion --offline, and says why', async () => {
    const result = await sandbox.run(['verify', ASSERTION_URL, '--offline', '--json']);
    expect(result.code).toBe(1);
    const codes = result.json().credentials[0].checks.map((check: { code: string }) => check.code);
    expect(codes.join(' ')).toMatch(/fetch|unreachable/);
  });
});
