import { writeFile } from 'node:fs/promises';
import { bake, generateKey, issueCredential } from '@skills-passport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';

function signedInput(issuer: string, subject: string): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:0b8a3c2e-58a5-4a57-9b47-2f6c0d1f9e11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Cyber security basics',
    issuer: { id: issuer, type: ['Profile'], name: 'Acme Training' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:6f0e7a34-3f1b-4c5a-8d8a-0a1b2c3d4e5f',
        type: ['Achievement'],
        name: 'Cyber security basics',
        description: 'Staying safe online at work.',
        criteria: { narrative: 'Completed the module and passed the assessment.' },
      },
    },
  };
}

describe('skills-passport verify', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    const issuerKey = await generateKey();
    const learner = await generateKey();
    const credential = await issueCredential(signedInput(issuerKey.controller, learner.controller), {
      issuerKey,
    });
    await writeFile(sandbox.path('good.json'), JSON.stringify(credential));
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/>');
    await writeFile(sandbox.path('badge.svg'), bake(svg, credential));
    const tampered = structuredClone(credential) as Record<string, any>;
    tampered.credentialSubject.achievement.name = 'Advanced penetration testing';
    await writeFile(sandbox.path('tampered.json'), JSON.stringify(tampered));
    await writeFile(sandbox.path('garbage.txt'), 'this is not a credential');
    const registry = {
      name: 'Employer list',
      issuers: [{ id: issuerKey.controller, name: 'Acme Training' }],
    };
    await writeFile(sandbox.path('registry.json'), JSON.stringify(registry));
    await writeFile(sandbox.path('bad-registry.json'), JSON.stringify({ issuers: 'none' }));
    const jwt = await issueCredential(signedInput(issuerKey.controller, learner.controller), {
      issuerKey,
      format: 'jwt',
    });
    await writeFile(sandbox.path('good.jwt'), String(jwt));
  });
  afterAll(() => sandbox.dispose());

  it('exits 0 with a VERIFIED verdict for a good Data Integrity credential', async () => {
    const result = await sandbox.run(['verify', 'good.json', '--offline']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('VERIFIED');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('verifies a JWT credential read from standard input and prints the report with --json', async () => {
    const { readFile } = await import('node:fs/promises');
    const result = await sandbox.run(['verify', '-', '--json', '--offline'], {
      stdin: await readFile(sandbox.path('good.jwt')),
    });
    expect(result.code).toBe(0);
    const report = result.json();
    expect(report.verified).toBe(true);
    expect(report.credentials[0].format).toBe('jwt');
  });

  it('verifies the credential baked into an Open Badges SVG image', async () => {
    const result = await sandbox.run(['verify', 'badge.svg', '--offline', '--json']);
    expect(result.code).toBe(0);
    expect(result.json().credentials[0].summary.achievement.name).toBe('Cyber security basics');
  });

  it('recognises an issuer listed in the --trust registry, and rejects a malformed registry file', async () => {
    const result = await sandbox.run([
      'verify',
      'good.json',
      '--offline',
      '--trust',
      'registry.json',
      '--json',
    ]);
    const issuer = result
      .json()
      .credentials[0].checks.find((check: { check: string }) => check.check === 'issuer');
    expect(issuer.code).toBe('issuer-trusted');
    const bad = await sandbox.run(['verify', 'good.json', '--trust', 'bad-registry.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error input-unreadable: /);
  });

  it('exits 1 for a tampered credential and names the failing check code', async () => {
    const result = await sandbox.run(['verify', 'tampered.json', '--json', '--offline']);
    expect(result.code).toBe(1);
    const report = result.json();
    expect(report.verified).toBe(false);
    const codes = report.credentials[0].checks.map((check: { code: string }) => check.code);
    expect(codes).toContain('proof-invalid');
  });

  it('exits 2 for input that is not a credential at all', async () => {
    const result = await sandbox.run(['verify', 'garbage.txt', '--json']);
    expect(result.code).toBe(2);
    expect(result.json().checks[0].code).toBe('input-not-json');
  });

  it('exits 2 with input-unreadable for a missing file, without a stack trace', async () => {
    const result = await sandbox.run(['verify', 'missing.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error input-unreadable: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a usage error for an unknown option', async () => {
    const result = await sandbox.run(['verify', 'good.json', '--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error usage: /);
  });

  it('also reports a usage error as JSON on stdout with --json', async () => {
    const result = await sandbox.run(['verify', '--json']);
    expect(result.code).toBe(2);
    expect(result.json().error.code).toBe('usage');
  });

  it('colours the verdict on a terminal unless NO_COLOR is set', async () => {
    const coloured = await sandbox.run(['verify', 'good.json', '--offline'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[32m');
    const plain = await sandbox.run(['verify', 'good.json', '--offline'], {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('shows help with examples and exits 0', async () => {
    const result = await sandbox.run(['verify', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
  });
});
