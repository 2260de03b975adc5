import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../cli-harness.js';
import { unsignedCredential } from '../fixtures.js';
import {
  ASSERTION_URL,
  BADGE_URL,
  bakedPng,
  bakedSvg,
  hostedAssertion,
  ISSUER_URL,
  KEY_URL,
  LEARNER_EMAIL,
  REVOCATIONS_URL,
  SIGNED_ID,
  serveOb2Issuer,
  signedAssertionJws,
} from '../ob2-badge.js';

const checkCode = (report: any, name: string) =>
  report.credentials[0].checks.find((check: { check: string }) => check.check === name)?.code;

describe('skills-passport wallet with Open Badges 2.0 badges', () => {
  let sandbox: CliSandbox;
  let ob3Id: string;
  beforeAll(async () => {
    sandbox = await CliSandbox.create();
    serveOb2Issuer(sandbox);
    expect((await sandbox.run(['init', '--name', 'Acme Training'])).code).toBe(0);
    const did = (await sandbox.run(['wallet', 'init', '--json'])).json().did;
    await writeFile(sandbox.path('mine.json'), JSON.stringify(unsignedCredential(did, 'Cyber basics')));
    expect((await sandbox.run(['issue', 'mine.json', '--out', 'mine-signed.json'])).code).toBe(0);
    const added = await sandbox.run(['wallet', 'add', 'mine-signed.json', '--json']);
    expect(added.code).toBe(0);
    ob3Id = added.json().id;
    await writeFile(sandbox.path('signed.png'), bakedPng(signedAssertionJws()));
    await writeFile(sandbox.path('hosted.svg'), bakedSvg(ASSERTION_URL));
    await writeFile(sandbox.path('hosted.json'), JSON.stringify(hostedAssertion()));
    await writeFile(sandbox.path('signed.jws'), signedAssertionJws());
  });
  afterAll(() => sandbox.dispose());

  it('asks for --recipient before keeping a badge issued to a hashed email (exit 2), and adds nothing', async () => {
    const result = await sandbox.run(['wallet', 'add', ASSERTION_URL]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error recipient-required: .*--recipient/);
    expect((await sandbox.run(['wallet', 'list', '--json'])).json()).toHaveLength(1);
  });

  it('refuses a badge issued to another email: the recipient check fails and it is not verified (exit 1)', async () => {
    const result = await sandbox.run(['wallet', 'add', ASSERTION_URL, '--recipient', 'someone@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/fail {2}recipient recipient-mismatch/);
    expect(result.stderr).toMatch(/^error not-verified: /m);
  });

  it('adds a hosted assertion by its URL, fetching the assertion, badge and issuer through the injected fetch', async () => {
    sandbox.fetched.length = 0;
    // Emails compare case-insensitively, as the OB 2.0 hash is made from the lower-cased address.
    const result = await sandbox.run([
      ...['wallet', 'add', ASSERTION_URL, '--recipient', LEARNER_EMAIL.toUpperCase(), '--json'],
    ]);
    expect(result.code).toBe(0);
    const added = result.json();
    expect(added).toMatchObject({ id: ASSERTION_URL, format: 'ob2-hosted', source: ASSERTION_URL });
    expect(checkCode(added.report, 'recipient')).toBe('recipient-ok');
    expect(sandbox.fetched).toEqual([ASSERTION_URL, BADGE_URL, ISSUER_URL]);
    const entry = (await sandbox.run(['wallet', 'show', ASSERTION_URL, '--json'])).json();
    expect(entry.original).toEqual({
      source: ASSERTION_URL,
      mediaType: 'text/uri-list',
      base64: Buffer.from(ASSERTION_URL).toString('base64'),
    });
    // What was verified is the issuer's hosted copy.
    expect(entry.credential).toEqual(hostedAssertion());
  });

  it('adds a signed assertion baked into a PNG, keeping the image bytes and the JWS', async () => {
    sandbox.fetched.length = 0;
    const result = await sandbox.run(['wallet', 'add', 'signed.png', '--recipient', LEARNER_EMAIL, '--json']);
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ id: SIGNED_ID, format: 'ob2-signed' });
    expect(sandbox.fetched).toEqual(
      expect.arrayContaining([BADGE_URL, ISSUER_URL, KEY_URL, REVOCATIONS_URL]),
    );
    const entry = (await sandbox.run(['wallet', 'show', SIGNED_ID, '--json'])).json();
    expect(Buffer.from(entry.original.base64, 'base64')).toEqual(await readFile(sandbox.path('signed.png')));
    expect(entry.original.mediaType).toBe('image/png');
    expect(entry.credential).toBe(signedAssertionJws());
  });

  it('accepts the same badges as a baked SVG, as assertion JSON and as a JWS file', async () => {
    for (const file of ['hosted.svg', 'hosted.json', 'signed.jws']) {
      const result = await sandbox.run(['wallet', 'add', file, '--recipient', LEARNER_EMAIL, '--json']);
      expect(result.code, file).toBe(0);
      expect(result.json().format).toBe(file === 'signed.jws' ? 'ob2-signed' : 'ob2-hosted');
    }
    const svgEntry = (await sandbox.run(['wallet', 'list', '--json'])).json();
    // Same assertion ids: each add replaced the earlier copy, so the wallet holds one of each.
    expect(svgEntry.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [ASSERTION_URL, SIGNED_ID, ob3Id].sort(),
    );
  });

  it('lists OB 2.0 badges beside OB 3.0 credentials with their kind, without using the network', async () => {
    sandbox.fetched.length = 0;
    const table = await sandbox.run(['wallet', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ACHIEVEMENT\s+ISSUER\s+SKILLS\s+EXPIRES\s+KIND\s+ID$/m);
    expect(table.stdout).toMatch(
      /^Network Defender\s+Example Vendor Certifications\s+SFIA:SCTY\s+-\s+ob2-hosted\s+/m,
    );
    expect(table.stdout).toMatch(/^Network Defender\s+.*\sob2-signed\s+urn:uuid:6f1f3c1e/m);
    expect(table.stdout).toMatch(/^Cyber basics\s+Acme Training\s+.*\sdi\s+urn:uuid:/m);
    expect(sandbox.fetched).toEqual([]);
  });

  it('presents a signed OB 2.0 badge as evidence in a DI presentation, leaving out the hosted one with a note', async () => {
    const bound = ['--challenge', 'c-ob2', '--domain', 'https://jobs.example.com'];
    const result = await sandbox.run(['wallet', 'present', ...bound, '--out', 'vp.json', '--json']);
    expect(result.code).toBe(0);
    const out = result.json();
    expect(out.evidence).toEqual([{ id: SIGNED_ID, format: 'ob2-signed' }]);
    expect(out.skipped).toEqual([{ id: ASSERTION_URL, format: 'ob2-hosted', reason: 'needs-jwt-format' }]);
    expect(result.stderr).toContain('Included as evidence: 1 Open Badges 2.0 badge');
    expect(result.stderr).toContain(
      `Not presented: 1 hosted Open Badges 2.0 badge, which only a JWT presentation`,
    );
    expect(result.stderr).toContain(`Network Defender (${ASSERTION_URL})`);
    const presentation = JSON.parse(await readFile(sandbox.path('vp.json'), 'utf8'));
    expect(presentation.verifiableCredential).toHaveLength(2);
    // A JWS that is not a VC JWT travels enveloped with the plain JWS media type.
    expect(presentation.verifiableCredential[1]).toMatchObject({
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/jose,${signedAssertionJws()}`,
    });
    const verified = await sandbox.run([
      'verify',
      'vp.json',
      ...bound,
      '--recipient',
      LEARNER_EMAIL,
      '--json',
    ]);
    expect(verified.code).toBe(0);
    const badge = verified
      .json()
      .credentials.find((report: { format: string }) => report.format === 'ob2-signed');
    const codes = badge.checks.map((check: { code: string }) => check.code);
    expect(codes).toEqual(expect.arrayContaining(['recipient-ok', 'holder-not-bound']));
  });

  it('carries both OB 2.0 badges in a JWT presentation, and the employer verifies all three', async () => {
    const bound = ['--challenge', 'c-ob2-jwt', '--domain', 'https://jobs.example.com'];
    const result = await sandbox.run([
      ...['wallet', 'present', ...bound, '--format', 'jwt', '--out', 'vp.jwt', '--json'],
    ]);
    expect(result.code).toBe(0);
    expect(result.json().skipped).toBeUndefined();
    expect(
      result
        .json()
        .evidence.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([ASSERTION_URL, SIGNED_ID].sort());
    const verified = await sandbox.run(['verify', 'vp.jwt', ...bound, '--json']);
    expect(verified.code).toBe(0);
    const formats = verified.json().credentials.map((report: { format: string }) => report.format);
    expect(formats.sort()).toEqual(['di', 'ob2-hosted', 'ob2-signed']);
  });

  it('refuses a DI presentation of nothing but a hosted OB 2.0 badge, pointing at --format jwt', async () => {
    const bound = ['--challenge', 'c-ob2', '--domain', 'https://jobs.example.com'];
    const result = await sandbox.run(['wallet', 'present', ...bound, '--only', ASSERTION_URL]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Network Defender (${ASSERTION_URL})`);
    expect(result.stderr).toMatch(
      /^error credential-not-found: Only hosted Open Badges 2.0 badges .*--format jwt/m,
    );
  });

  it('does not keep a hosted badge the issuer has revoked (410 Gone)', async () => {
    const other = await CliSandbox.create();
    try {
      serveOb2Issuer(other);
      other.serve(ASSERTION_URL, { error: 'gone' }, 410);
      expect((await other.run(['wallet', 'init'])).code).toBe(0);
      const result = await other.run(['wallet', 'add', ASSERTION_URL, '--recipient', LEARNER_EMAIL]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/fail {2}status {4}revoked/);
    } finally {
      await other.dispose();
    }
  });
});
