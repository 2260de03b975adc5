import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVerifier,
  exportJwk,
  generateKey,
  issueCredential,
  type PassportKeyPair,
} from '../../src/index.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

type Json = Record<string, any>;

describe('bad input gets a report with a specific code, never an exception', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const fetch = forbiddenFetch();
  const verify = createVerifier({ resolverOptions: { fetch }, now: () => new Date('2026-06-01T00:00:00Z') });
  const firstFailure = async (input: unknown) => {
    const report = await verify(input as string);
    expect(report.verified).toBe(false);
    return report.checks.find((check) => check.outcome === 'fail');
  };

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  it('a signature by a key that is not the issuer’s: the proof fails', async () => {
    const wrongKey = await generateKey({ controller: issuer.controller, id: `${issuer.controller}#other` });
    const jwt = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: wrongKey,
      format: 'jwt',
    });
    expect((await firstFailure(jwt))?.check).toBe('proof');
  });

  it('an issuer with an unknown DID method: did-method-unsupported', async () => {
    const privateKey = await importJWK(await exportJwk(issuer, { includeSecret: true }), 'EdDSA');
    const credential = openBadge({ ...issuer, controller: 'did:example:123' }, learner.controller);
    const jwt = await new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'did:example:123#key-1' })
      .sign(privateKey);
    expect(await firstFailure(jwt)).toMatchObject({ check: 'proof', code: 'did-method-unsupported' });
  });

  it('no proof: proof-missing', async () => {
    expect(await firstFailure(openBadge(issuer, learner.controller))).toMatchObject({
      code: 'proof-missing',
    });
  });

  it('alg none: jwt-alg-not-allowed', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: issuer.id })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(openBadge(issuer, learner.controller))).toString('base64url');
    expect(await firstFailure(`${header}.${payload}.`)).toMatchObject({ code: 'jwt-alg-not-allowed' });
  });

  it('an unknown remote @context: context-unknown, and nothing is fetched', async () => {
    const signed = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
    })) as Json;
    signed['@context'] = [...signed['@context'], 'https://evil.example/context.json'];
    expect(await firstFailure(signed)).toMatchObject({ check: 'format', code: 'context-unknown' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a truncated JWT: jwt-malformed', async () => {
    const jwt = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });
    expect(await firstFailure(jwt.slice(0, jwt.indexOf('.') + 20))).toMatchObject({ code: 'jwt-malformed' });
  });

  it('text that is not JSON: input-not-json', async () => {
    expect(await firstFailure('hello, I am a certificate')).toMatchObject({ code: 'input-not-json' });
    expect(await firstFailure('{"@context": [')).toMatchObject({ code: 'input-not-json' });
  });

  it('a 10 MB input: input-too-large, without parsing it', async () => {
    const huge = `{"padding":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    expect(await firstFailure(huge)).toMatchObject({ code: 'input-too-large' });
    expect(await firstFailure(new Uint8Array(10 * 1024 * 1024))).toMatchObject({ code: 'input-too-large' });
  });

  it('deep nesting: input-too-deep', async () => {
    expect(await firstFailure(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toMatchObject({
      code: 'input-too-deep',
    });
  });

  it('empty input, a number and null: a format failure each', async () => {
    expect(await firstFailure('   ')).toMatchObject({ code: 'input-empty' });
    expect(await firstFailure(42)).toMatchObject({ check: 'format' });
    expect(await firstFailure(null)).toMatchObject({ check: 'format' });
  });

  it('a JSON object that is not a credential: context-missing', async () => {
    expect(await firstFailure({ hello: 'world' })).toMatchObject({ code: 'context-missing' });
  });

  it('an expired credential: expired; a future one: not-yet-valid (distinct codes)', async () => {
    const expired = await issueCredential(
      openBadge(issuer, learner.controller, { validUntil: '2026-02-01T00:00:00Z' }),
      { issuerKey: issuer, format: 'jwt' },
    );
    expect(await firstFailure(expired)).toMatchObject({ check: 'validity', code: 'expired' });
    const future = await issueCredential(
      openBadge(issuer, learner.controller, { validFrom: '2027-01-01T00:00:00Z' }),
      {
        issuerKey: issuer,
      },
    );
    expect(await firstFailure(future)).toMatchObject({ check: 'validity', code: 'not-yet-valid' });
  });
});
