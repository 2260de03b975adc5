import { readFile, writeFile } from 'node:fs/promises';
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

describe('skills-passport verify --refresh and --fetch-schemas', () => {
  let sandbox: CliSandbox;
  const REFRESH_URL = 'https://training.example/refresh/1';
  const SCHEMA_URL = 'https://training.example/schemas/extra.json';
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const did = (await sandbox.run(['wallet', 'init', '--json'])).json().did;
    const base = unsignedCredential(did);
    const unsigned = {
      ...base,
      // 1EdTech's extensions context defines the refresh and schema-validator types.
      '@context': [
        ...(base['@context'] as string[]),
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      ],
      refreshService: { id: REFRESH_URL, type: '1EdTechCredentialRefresh' },
      credentialSchema: [{ id: SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
    };
    await writeFile(sandbox.path('refreshable.json'), JSON.stringify(unsigned));
    const issued = await sandbox.run(['issue', 'refreshable.json', '--out', 'refreshable-signed.json']);
    expect(issued.code, issued.stderr).toBe(0);
    const signed = JSON.parse(await readFile(sandbox.path('refreshable-signed.json'), 'utf8'));
    sandbox.serve(REFRESH_URL, signed);
    // A schema the credential cannot meet, so applying it is visible.
    sandbox.serve(SCHEMA_URL, {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      type: 'object',
      required: ['mustExist'],
    });
  });
  afterAll(() => sandbox.dispose());

  it('fetches neither the refresh URL nor an unbundled schema by default', async () => {
    sandbox.fetched.length = 0;
    const result = await sandbox.run(['verify', 'refreshable-signed.json', '--json']);
    const checks = result.json().credentials[0].checks;
    expect(checks.map((check: { code: string }) => check.code)).not.toContain('credential-refreshed');
    expect(sandbox.fetched).not.toContain(REFRESH_URL);
    expect(sandbox.fetched).not.toContain(SCHEMA_URL);
  });

  it('with --refresh verifies the issuer copy and says so; with --fetch-schemas applies the fetched schema', async () => {
    sandbox.fetched.length = 0;
    const refreshed = await sandbox.run(['verify', 'refreshable-signed.json', '--refresh', '--json']);
    const codes = refreshed.json().credentials[0].checks.map((check: { code: string }) => check.code);
    expect(codes).toContain('credential-refreshed');
    expect(sandbox.fetched).toContain(REFRESH_URL);
    const schemaChecked = await sandbox.run([
      'verify',
      'refreshable-signed.json',
      '--fetch-schemas',
      '--json',
    ]);
    expect(schemaChecked.code).toBe(1);
    const schema = schemaChecked
      .json()
      .credentials[0].checks.find((check: { check: string }) => check.check === 'schema');
    expect(schema).toMatchObject({ outcome: 'fail', code: 'schema-invalid' });
    expect(schema.message).toContain('mustExist');
    expect(sandbox.fetched).toContain(SCHEMA_URL);
  });
});
