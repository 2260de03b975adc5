import { writeFile } from 'node:fs/promises';
import { generateKey } from '@skills-passport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';
import { unsignedCredential } from '../fixtures.js';

describe('skills-passport revoke / suspend / unsuspend / status', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const learner = await generateKey();
    await writeFile(sandbox.path('unsigned.json'), JSON.stringify(unsignedCredential(learner.controller)));
  });
  afterAll(() => sandbox.dispose());

  it('revokes a credential: status shows revoked and verify exits 1 with the revoked code, all without network', async () => {
    const issued = await sandbox.run(['issue', 'unsigned.json', '--out', 'alice.json', '--json']);
    expect(issued.code).toBe(0);
    const { credentialId } = issued.json();

    const before = await sandbox.run(['verify', 'alice.json', '--json']);
    expect(before.code).toBe(0);
    const statusBefore = before
      .json()
      .credentials[0].checks.find((check: { check: string }) => check.check === 'status');
    expect(statusBefore.code).toBe('status-ok');

    expect((await sandbox.run(['revoke', credentialId])).code).toBe(0);
    const status = await sandbox.run(['status', 'alice.json', '--json']);
    expect(status.code).toBe(0);
    expect(status.json().revoked).toBe(true);

    const after = await sandbox.run(['verify', 'alice.json', '--json']);
    expect(after.code).toBe(1);
    const codes = after.json().credentials[0].checks.map((check: { code: string }) => check.code);
    expect(codes).toContain('revoked');
    expect(sandbox.fetched).toEqual([]);
  });

  it('suspends and unsuspends a credential issued with --suspendable', async () => {
    const issued = await sandbox.run([
      'issue',
      'unsigned.json',
      '--suspendable',
      '--format',
      'jwt',
      '--out',
      'bob.jwt',
      '--json',
    ]);
    expect(issued.code).toBe(0);
    const { credentialId } = issued.json();
    const suspended = await sandbox.run(['suspend', credentialId, '--json']);
    expect(suspended.json()).toMatchObject({ suspended: true, revoked: false, changed: true });
    const statusCode = async () =>
      (await sandbox.run(['verify', 'bob.jwt', '--json']))
        .json()
        .credentials[0].checks.find((check: { check: string }) => check.check === 'status').code;
    expect(await statusCode()).toBe('suspended');
    const again = await sandbox.run(['suspend', credentialId, '--json']);
    expect(again.json().changed).toBe(false);
    expect((await sandbox.run(['unsuspend', credentialId])).code).toBe(0);
    expect(await statusCode()).toBe('status-ok');
  });

  it('reports credential-unknown for an id this issuer never issued', async () => {
    const result = await sandbox.run(['revoke', 'urn:uuid:00000000-0000-4000-8000-000000000000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error credential-unknown: /);
  });
});
