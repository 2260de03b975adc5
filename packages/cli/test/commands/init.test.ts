import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';
import { unsignedCredential } from '../fixtures.js';

const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

describe('skills-passport init', () => {
  let sandbox: CliSandbox;
  beforeEach(async () => {
    sandbox = await CliSandbox.create();
  });
  afterEach(() => sandbox.dispose());

  it('creates a did:key issuer and refuses a second init without --force', async () => {
    const first = await sandbox.run(['init', '--name', 'Acme Training', '--json']);
    expect(first.code).toBe(0);
    expect(first.json().did).toMatch(/^did:key:z/);
    const second = await sandbox.run(['init', '--name', 'Acme Training']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/^error already-initialised: /);
    const forced = await sandbox.run(['init', '--name', 'Acme Two', '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(forced.json().did).not.toBe(first.json().did);
  });

  it('writes the did.json to publish for a did:web issuer', async () => {
    const result = await sandbox.run([
      'init',
      '--name',
      'Acme Training',
      '--did-web',
      'training.acme.example',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const output = result.json();
    expect(output.did).toBe('did:web:training.acme.example');
    expect(output.publishAt).toBe('https://training.acme.example/.well-known/did.json');
    const document = JSON.parse(await readFile(output.didDocumentFile, 'utf8'));
    expect(document.id).toBe('did:web:training.acme.example');
  });

  it('verifies credentials of a local did:web issuer from the data directory, without the network', async () => {
    await sandbox.run(['init', '--name', 'Acme Training', '--did-web', 'training.acme.example']);
    await writeFile(sandbox.path('unsigned.json'), JSON.stringify(unsignedCredential(LEARNER)));
    expect((await sandbox.run(['issue', 'unsigned.json', '--out', 'signed.json'])).code).toBe(0);
    const result = await sandbox.run(['verify', 'signed.json', '--json']);
    expect(result.code).toBe(0);
    expect(result.json().credentials[0].summary.issuer.id).toBe('did:web:training.acme.example');
    expect(sandbox.fetched).toEqual([]);
    // Somewhere without this data directory, --offline cannot resolve the did:web key: not verified.
    const elsewhere = await CliSandbox.create();
    const offline = await elsewhere.run(['verify', sandbox.path('signed.json'), '--offline', '--json']);
    await elsewhere.dispose();
    expect(offline.code).toBe(1);
  });

  it('keeps the generated store secret in a file only its owner can read', async () => {
    await sandbox.run(['init', '--name', 'Acme Training']);
    const info = await stat(join(sandbox.env.SKILLS_PASSPORT_HOME ?? '', 'dev-secret.key'));
    expect(info.mode & 0o777).toBe(0o600);
  });

  it('uses the store secret from SKILLS_PASSPORT_SECRET when it is set, and rejects a malformed one', async () => {
    const bad = await sandbox.run(['init', '--name', 'Acme'], {
      env: { SKILLS_PASSPORT_SECRET: 'too-short' },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error store-secret-invalid: /);
    const good = await sandbox.run(['init', '--name', 'Acme'], {
      env: { SKILLS_PASSPORT_SECRET: Buffer.alloc(32, 7).toString('base64') },
    });
    expect(good.code).toBe(0);
  });

  it('makes commands that need an issuer fail with not-initialised', async () => {
    const result = await sandbox.run(['revoke', 'urn:uuid:0b8a3c2e-58a5-4a57-9b47-2f6c0d1f9e11']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error not-initialised: /);
  });
});
