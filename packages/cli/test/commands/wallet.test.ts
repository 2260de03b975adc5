import { readFile, writeFile } from 'node:fs/promises';
import { generateKey } from '@skills-passport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';
import { unsignedCredential } from '../fixtures.js';

describe('skills-passport wallet', () => {
  let sandbox: CliSandbox;
  let did: string;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const wallet = await sandbox.run(['wallet', 'init', '--json']);
    expect(wallet.code).toBe(0);
    did = wallet.json().did;
    await writeFile(
      sandbox.path('mine.json'),
      JSON.stringify(unsignedCredential(did, 'Cyber security basics')),
    );
    await writeFile(
      sandbox.path('theirs.json'),
      JSON.stringify(unsignedCredential((await generateKey()).controller, 'Networking')),
    );
    expect((await sandbox.run(['issue', 'mine.json', '--out', 'mine-signed.json'])).code).toBe(0);
    expect(
      (await sandbox.run(['issue', 'mine.json', '--format', 'jwt', '--out', 'mine-signed.jwt'])).code,
    ).toBe(0);
    expect((await sandbox.run(['issue', 'theirs.json', '--out', 'theirs-signed.json'])).code).toBe(0);
  });
  afterAll(() => sandbox.dispose());

  it('refuses a second wallet init', async () => {
    const result = await sandbox.run(['wallet', 'init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error wallet-exists: /);
  });

  it('adds verified credentials issued to the wallet DID, in either format', async () => {
    expect((await sandbox.run(['wallet', 'add', 'mine-signed.json'])).code).toBe(0);
    expect((await sandbox.run(['wallet', 'add', 'mine-signed.jwt'])).code).toBe(0);
    const list = await sandbox.run(['wallet', 'list', '--json']);
    expect(list.json()).toHaveLength(2);
    const table = await sandbox.run(['wallet', 'list']);
    expect(table.stdout).toContain('ACHIEVEMENT');
    expect(table.stdout).toContain('Cyber security basics');
  });

  it('refuses a credential issued to another DID unless --force', async () => {
    const refused = await sandbox.run(['wallet', 'add', 'theirs-signed.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error recipient-mismatch: /);
    expect((await sandbox.run(['wallet', 'add', 'theirs-signed.json', '--force'])).code).toBe(0);
  });

  it('refuses a credential that does not verify', async () => {
    const credential = JSON.parse(await readFile(sandbox.path('mine-signed.json'), 'utf8'));
    credential.name = 'Something else';
    await writeFile(sandbox.path('tampered.json'), JSON.stringify(credential));
    const result = await sandbox.run(['wallet', 'add', 'tampered.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error not-verified: /);
  });

  it('shows one credential by a unique part of its id', async () => {
    const [first] = (await sandbox.run(['wallet', 'list', '--json'])).json();
    const result = await sandbox.run(['wallet', 'show', first.id.slice(-12), '--json']);
    expect(result.code).toBe(0);
    expect(result.json().id).toBe(first.id);
  });

  it('shows one credential by the start of its uuid, without the urn:uuid: scheme', async () => {
    const [first] = (await sandbox.run(['wallet', 'list', '--json'])).json();
    const result = await sandbox.run([
      'wallet',
      'show',
      first.id.slice('urn:uuid:'.length, 'urn:uuid:'.length + 8),
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(result.json().id).toBe(first.id);
  });

  it('presents the selected credentials bound to a challenge, and the presentation verifies only with it', async () => {
    const entries: Array<{ id: string; summary: { learner?: { id?: string } } }> = (
      await sandbox.run(['wallet', 'list', '--json'])
    ).json();
    const mine = entries.filter((entry) => entry.summary.learner?.id === did).map((entry) => entry.id);
    expect(mine).toHaveLength(2);
    const bound = ['--challenge', 'c-123', '--domain', 'https://jobs.example.com'];
    const presented = await sandbox.run([
      'wallet',
      'present',
      ...bound,
      '--only',
      mine.join(','),
      '--out',
      'passport.json',
      '--json',
    ]);
    expect(presented.code).toBe(0);
    expect(presented.json().credentials.sort()).toEqual([...mine].sort());
    const good = await sandbox.run(['verify', 'passport.json', ...bound, '--json']);
    expect(good.code).toBe(0);
    expect(good.json().kind).toBe('presentation');
    expect(good.json().credentials).toHaveLength(2);
    const wrong = await sandbox.run([
      'verify',
      'passport.json',
      '--challenge',
      'other',
      '--domain',
      'https://jobs.example.com',
    ]);
    expect(wrong.code).toBe(1);
  });

  it('presents credentials named by a unique part of their id with --only, and refuses an unknown one', async () => {
    const [first] = (await sandbox.run(['wallet', 'list', '--json'])).json();
    const bound = ['--challenge', 'c-5', '--domain', 'https://jobs.example.com'];
    const short = first.id.slice('urn:uuid:'.length, 'urn:uuid:'.length + 8);
    const presented = await sandbox.run(['wallet', 'present', ...bound, '--only', short, '--json']);
    expect(presented.code).toBe(0);
    expect(presented.json().credentials).toEqual([first.id]);
    const unknown = await sandbox.run(['wallet', 'present', ...bound, '--only', `${short},nope-nope`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error credential-not-found: /);
  });

  it('presents by skill, and a credential issued to someone else makes the presentation fail verification', async () => {
    const bound = ['--challenge', 'c-7', '--domain', 'https://jobs.example.com'];
    const none = await sandbox.run(['wallet', 'present', ...bound, '--skill', 'SFIA:NTAS']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error credential-not-found: /);
    expect(
      (await sandbox.run(['wallet', 'present', ...bound, '--format', 'jwt', '--out', 'all.jwt'])).code,
    ).toBe(0);
    const result = await sandbox.run(['verify', 'all.jwt', ...bound, '--json']);
    expect(result.code).toBe(1);
    const codes = result
      .json()
      .credentials.flatMap((credential: { checks: Array<{ code: string }> }) =>
        credential.checks.map((check) => check.code),
      );
    expect(codes).toContain('holder-mismatch');
  });

  it('still writes the presentation but exits 2 with qr-too-large when the share link cannot fit a QR code', async () => {
    const [, jwtEntry] = (await sandbox.run(['wallet', 'list', '--json'])).json();
    const result = await sandbox.run([
      'wallet',
      'present',
      '--challenge',
      'c-9',
      '--domain',
      'https://jobs.example.com',
      '--format',
      'jwt',
      '--only',
      jwtEntry.id,
      '--qr',
      '--server',
      'https://verify.example',
      '--out',
      'passport.jwt',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error qr-too-large: /);
    expect((await readFile(sandbox.path('passport.jwt'), 'utf8')).trim()).toMatch(/^eyJ/);
  });

  it('reports wallet-missing in a data directory without a wallet', async () => {
    const other = await CliSandbox.create();
    const result = await other.run(['wallet', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error wallet-missing: /);
    await other.dispose();
  });
});
