import { OPEN_BADGES_SCHEMA_URL } from '@skills-passport/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, PassportKeyPair, VerificationReport } from '../../src/index.js';
import { keys, openBadge } from '../fixtures.js';
import { recordingFetch, signDataIntegrity, signJwt, WITH_EXTENSIONS } from './ob3-fixtures.js';

const PROFILE_URL = 'https://schemas.example.org/badge-profile.json';
const VALIDATOR = '1EdTechJsonSchemaValidator2019';

/** A third-party profile: every badge must name its recipient by an identifier. */
const profileSchema = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  $id: PROFILE_URL,
  type: 'object',
  required: ['credentialSubject'],
  properties: {
    credentialSubject: {
      type: 'object',
      required: ['identifier'],
      properties: { identifier: { type: 'array', minItems: 1 } },
    },
  },
};

const identifier = {
  type: 'IdentityObject',
  identityType: 'emailAddress',
  hashed: false,
  identityHash: 'sam.taylor@example.org',
};

function schemaCheckOf(report: VerificationReport): CheckResult {
  return report.credentials[0]!.checks.find((check) => check.check === 'schema')!;
}

describe('credentialSchema', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  function badge(schemas: Array<{ id: string; type: string }>, subject: Record<string, unknown> = {}) {
    const credential = openBadge(issuer, learner.controller, {
      '@context': WITH_EXTENSIONS,
      credentialSchema: schemas,
    }) as Record<string, any>;
    credential.credentialSubject = { ...credential.credentialSubject, ...subject };
    return credential;
  }

  it('validates against the bundled official OB 3.0 schema named by its published URL, fetching nothing', async () => {
    const web = recordingFetch();
    const verify = web.verifier({ allowSchemaFetch: true });
    const valid = await signDataIntegrity(badge([{ id: OPEN_BADGES_SCHEMA_URL, type: VALIDATOR }]), issuer);
    const report = await verify(valid);
    expect(report.verified).toBe(true);
    expect(schemaCheckOf(report)).toMatchObject({ outcome: 'pass', code: 'schema-ok' });

    const broken = badge([{ id: OPEN_BADGES_SCHEMA_URL, type: VALIDATOR }]);
    delete broken.credentialSubject.achievement.criteria;
    for (const signed of [await signDataIntegrity(broken, issuer), await signJwt(broken, issuer, 'vc2')]) {
      const invalid = await verify(signed);
      expect(invalid.verified).toBe(false);
      expect(schemaCheckOf(invalid)).toMatchObject({ outcome: 'fail', code: 'schema-invalid' });
      expect(schemaCheckOf(invalid).message).toContain('criteria');
    }
    expect(web.requests).toEqual([]);
  });

  it('skips a schema it does not bundle and fetches nothing when schema fetching is off (the default)', async () => {
    const web = recordingFetch();
    web.serve(PROFILE_URL, profileSchema);
    const credential = await signDataIntegrity(badge([{ id: PROFILE_URL, type: VALIDATOR }]), issuer);
    const report = await web.verifier()(credential);
    expect(report.verified).toBe(true);
    // The VC 2.0 OB credential is still held to the official schema; the unknown one is named as not checked.
    expect(schemaCheckOf(report)).toMatchObject({ outcome: 'pass', code: 'schema-ok' });
    expect(schemaCheckOf(report).message).toContain('not bundled, not checked');
    const vc1 = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      issuer: issuer.controller,
      issuanceDate: '2026-01-10T09:00:00Z',
      credentialSubject: { id: learner.controller },
      credentialSchema: { id: PROFILE_URL, type: 'JsonSchema' },
    };
    const skipped = await web.verifier()(await signJwt(vc1, issuer, 'vc1'));
    expect(skipped.verified).toBe(true);
    expect(schemaCheckOf(skipped)).toMatchObject({ outcome: 'skip', code: 'schema-unknown' });
    expect(schemaCheckOf(skipped).message).toContain(PROFILE_URL);
    expect(schemaCheckOf(skipped).message).toContain('allowSchemaFetch');
    expect(web.requests).toEqual([]);
  });

  it('fetches an unbundled schema once when allowed, and validates each credential against it', async () => {
    const web = recordingFetch();
    web.serve(PROFILE_URL, profileSchema, { contentType: 'application/schema+json' });
    const verify = web.verifier({ allowSchemaFetch: true });
    const valid = await signDataIntegrity(
      badge([{ id: PROFILE_URL, type: VALIDATOR }], { identifier: [identifier] }),
      issuer,
    );
    const report = await verify(valid);
    expect(report.verified).toBe(true);
    expect(schemaCheckOf(report)).toMatchObject({ outcome: 'pass', code: 'schema-ok' });
    expect(schemaCheckOf(report).message).toContain(PROFILE_URL);

    const missing = await signJwt(badge([{ id: PROFILE_URL, type: 'JsonSchema' }]), issuer, 'vc2');
    const invalid = await verify(missing);
    expect(invalid.verified).toBe(false);
    expect(schemaCheckOf(invalid)).toMatchObject({ outcome: 'fail', code: 'schema-invalid' });
    expect(schemaCheckOf(invalid).message).toContain('/credentialSubject/identifier');
    expect(web.requests).toEqual([PROFILE_URL]);
  });

  it('warns, without failing, when an allowed schema cannot be fetched, and tries again next time', async () => {
    const web = recordingFetch();
    const verify = web.verifier({ allowSchemaFetch: true });
    const credential = await signDataIntegrity(badge([{ id: PROFILE_URL, type: VALIDATOR }]), issuer);
    const report = await verify(credential);
    expect(report.verified).toBe(true);
    expect(schemaCheckOf(report)).toMatchObject({ outcome: 'warn', code: 'schema-fetch-failed' });
    expect(schemaCheckOf(report).message).toContain('HTTP 404');
    web.serve(PROFILE_URL, { type: 'object', required: ['credentialSubject'] });
    expect(schemaCheckOf(await verify(credential))).toMatchObject({ outcome: 'pass', code: 'schema-ok' });
    expect(web.requests).toEqual([PROFILE_URL, PROFILE_URL]);
  });

  it('never fetches a schema entry whose type is not a JSON Schema validator, even when allowed', async () => {
    const web = recordingFetch();
    web.serve(PROFILE_URL, profileSchema);
    const credential = await signDataIntegrity(
      badge([{ id: PROFILE_URL, type: 'JsonSchemaCredential' }], { identifier: [identifier] }),
      issuer,
    );
    const report = await web.verifier({ allowSchemaFetch: true })(credential);
    expect(schemaCheckOf(report)).toMatchObject({ outcome: 'pass', code: 'schema-ok' });
    expect(schemaCheckOf(report).message).toContain('not checked');
    expect(web.requests).toEqual([]);
  });

  it('reports a fetched document that is not a usable schema as not checked', async () => {
    const web = recordingFetch();
    web.serve(PROFILE_URL, { type: 'object', properties: { name: { type: 'no-such-type' } } });
    const credential = await signDataIntegrity(badge([{ id: PROFILE_URL, type: VALIDATOR }]), issuer);
    const report = await web.verifier({ allowSchemaFetch: true })(credential);
    expect(report.verified).toBe(true);
    expect(schemaCheckOf(report)).toMatchObject({ outcome: 'warn', code: 'schema-fetch-failed' });
    expect(schemaCheckOf(report).message).toContain('cannot be compiled');
  });
});
