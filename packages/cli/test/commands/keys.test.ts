import { stat, writeFile } from 'node:fs/promises';
import { generateKey } from '@skills-passport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';
import { unsignedCredential } from '../fixtures.js';

describe('skills-passport keys export / import', () => {
  let laptop: CliSandbox;
  let server: CliSandbox;
  beforeAll(async () => {
    laptop = await CliSandbox.create();
    server = await CliSandbox.create();
  });
  afterAll(async () => {
    await laptop.dispose();
    await server.dispose();
  });

  it('moves the issuer to another data directory, which then issues as the same DID', async () => {
    const did = (await laptop.run(['init', '--name', 'Acme Training', '--json'])).json().did;
    expect((await laptop.run(['keys', 'export', '--out', 'backup.json'])).code).toBe(0);
    expect((await stat(laptop.path('backup.json'))).mode & 0o777).toBe(0o600);

    const imported = await server.run([
      'keys',
      'import',
      laptop.path('backup.json'),
      '--base-url',
      'https://passport.acme.example',
      '--json',
    ]);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ did, baseUrl: 'https://passport.acme.example' });
    await writeFile(
      server.path('unsigned.json'),
      JSON.stringify(unsignedCredential((await generateKey()).controller)),
    );
    const issued = await server.run(['issue', 'unsigned.json', '--out', 'signed.json']);
    expect(issued.code).toBe(0);
    const verified = await server.run(['verify', 'signed.json', '--json']);
    expect(verified.code).toBe(0);
    expect(verified.json().credentials[0].summary.issuer.id).toBe(did);
  });

  it('refuses a file that keys export did not write', async () => {
    await writeFile(server.path('other.json'), '{"hello":"world"}');
    const result = await server.run(['keys', 'import', 'other.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error input-unreadable: /);
  });
});
