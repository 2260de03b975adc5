import { EdDSASigner } from 'did-jwt';
import { createVerifiableCredentialJwt } from 'did-jwt-vc';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createStatusChecker,
  createVerifier,
  exportJwk,
  type PassportKeyPair,
  present,
} from '../../src/index.js';
import { credentialOfJwt } from '../../src/verify/jwt-claims.js';
import type { DecodedJwt } from '../../src/verify/jwt-credential.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';
import { listHost } from '../status/list-host.js';
import { LIST_HOST } from '../status/status-fixtures.js';

/**
 * VC Data Model 1.1 §6.3.1: a JWT's `vc` claim may leave out what `iss`, `jti`, `sub`, `nbf` and `exp` say.
 * did-jwt-vc (used by Veramo) leaves them out by default; its tokens are made here by that library alone.
 */

const VC_V1_OB = [
  'https://www.w3.org/2018/credentials/v1',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
const CHALLENGE = 'c-4f1e7d';
const DOMAIN = 'jobs.example.com';

describe('VC-JWT 1.1 credentials made by did-jwt-vc', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const verify = createVerifier({ resolverOptions: { fetch: forbiddenFetch() } });

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  /** A did-jwt-vc token signed with `signingKey`'s secret, naming `did` as its issuer (`iss`). */
  async function didJwtVc(payload: Record<string, unknown>, did = issuer.controller, signingKey = issuer) {
    const jwk = await exportJwk(signingKey, { includeSecret: true });
    const secret = Buffer.concat([
      Buffer.from(jwk.d as string, 'base64url'),
      Buffer.from(jwk.x as string, 'base64url'),
    ]);
    return createVerifiableCredentialJwt(payload as never, {
      did,
      signer: EdDSASigner(secret),
      alg: 'EdDSA',
    });
  }

  /** did-jwt-vc's own JWT form: a `vc` claim without issuer, id or subject id, which the claims carry. */
  function jwtForm(claims: Record<string, unknown>) {
    const { id: _subjectId, ...credentialSubject } = openBadge(issuer, learner.controller).credentialSubject;
    const type = ['VerifiableCredential', 'OpenBadgeCredential'];
    return { sub: learner.controller, ...claims, vc: { '@context': VC_V1_OB, type, credentialSubject } };
  }

  function vcClaimOf(jwt: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()).vc;
  }

  it('verifies the JWT form, taking the issuer, id, subject and date from the registered claims', async () => {
    const jwt = await didJwtVc(
      jwtForm({ jti: 'urn:uuid:7d1c1f4e-2b7a-4a53-9a52-0c0f2d1e8a11', nbf: 1768035600 }),
    );
    expect(vcClaimOf(jwt)).not.toHaveProperty('issuer');
    const report = await verify(jwt);
    expect(report.verified).toBe(true);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
    expect(report.credentials[0]?.credential).toMatchObject({
      id: 'urn:uuid:7d1c1f4e-2b7a-4a53-9a52-0c0f2d1e8a11',
      issuer: issuer.controller,
      issuanceDate: '2026-01-10T09:00:00Z',
      credentialSubject: { id: learner.controller, type: ['AchievementSubject'] },
    });
    expect(report.credentials[0]?.summary.issuer?.id).toBe(issuer.controller);
  });

  it('verifies a W3C credential did-jwt-vc moved into claims, giving back its id, issuer, subject and date', async () => {
    const original = {
      ...openBadge(issuer, learner.controller),
      '@context': VC_V1_OB,
      validFrom: undefined,
      issuanceDate: '2026-01-10T09:00:00Z',
    };
    const jwt = await didJwtVc(original);
    const claim = vcClaimOf(jwt);
    expect(claim).not.toHaveProperty('id');
    expect(claim.credentialSubject).not.toHaveProperty('id');
    const report = await verify(jwt);
    expect(report.verified).toBe(true);
    const credential = report.credentials[0]?.credential as Record<string, unknown>;
    expect(credential.id).toBe(original.id);
    expect(credential.issuanceDate).toBe(original.issuanceDate);
    expect((credential.credentialSubject as { id: string }).id).toBe(learner.controller);
    expect(report.credentials[0]?.summary.issuer?.id).toBe(issuer.controller);
  });

  it('binds such a credential to the learner in a passport through its sub claim', async () => {
    const jwt = await didJwtVc(jwtForm({}));
    for (const [holderKey, code] of [
      [learner, 'holder-ok'],
      [issuer, 'holder-mismatch'],
    ] as const) {
      const passport = await present([jwt], {
        holderKey,
        challenge: CHALLENGE,
        domain: DOMAIN,
        format: 'jwt',
      });
      const report = await verify(passport, { challenge: CHALLENGE, domain: DOMAIN });
      const holder = report.credentials[0]?.checks.find((check) => check.check === 'holder');
      expect(holder?.code).toBe(code);
    }
  });

  it('finds a credential whose id is only in jti in its 1EdTech revocation list', async () => {
    const id = 'urn:uuid:0b7e2f9a-3c41-4d8e-a6f2-51c9d07e3b18';
    const list = `${LIST_HOST}/revocations`;
    const host = listHost();
    host.documents.set(list, { id: list, issuer: issuer.controller, revokedCredentials: [{ id }] });
    const payload = jwtForm({ jti: id });
    (payload.vc as Record<string, unknown>).credentialStatus = { id: list, type: '1EdTechRevocationList' };
    const jwt = await didJwtVc(payload);
    const checking = createVerifier({
      resolverOptions: { fetch: forbiddenFetch() },
      checkStatus: createStatusChecker({ safeFetch: host.safeFetch }),
    });
    const report = await checking(jwt);
    expect(report.checks.find((check) => check.check === 'status')?.code).toBe('revoked');
    expect(report.verified).toBe(false);
  });

  it('checks the signature against the key of the DID in iss: a token naming someone else fails', async () => {
    // Signed with the college's key, but its iss (set by did-jwt-vc from `did`) names the learner.
    const jwt = await didJwtVc(jwtForm({}), learner.controller, issuer);
    const report = await verify(jwt);
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-invalid');
  });
});

describe('credentialOfJwt', () => {
  const decoded = (payload: Record<string, unknown>, form: DecodedJwt['form'] = 'vc-claim'): DecodedJwt => ({
    header: { alg: 'EdDSA' },
    payload,
    document: form === 'vc-claim' ? (payload.vc as Record<string, unknown>) : payload,
    form,
  });

  it('names the dates as the credential’s own context does: validFrom / validUntil for VC 2.0', () => {
    const token = decoded({
      nbf: 1768035600,
      exp: 1799571600,
      vc: { '@context': ['https://www.w3.org/ns/credentials/v2'], credentialSubject: {} },
    });
    expect(credentialOfJwt(token)).toMatchObject({
      validFrom: '2026-01-10T09:00:00Z',
      validUntil: '2027-01-10T09:00:00Z',
    });
    expect(credentialOfJwt(token)).not.toHaveProperty('issuanceDate');
  });

  it('keeps what the credential says itself and leaves a list of subjects alone', () => {
    const token = decoded({
      iss: 'did:example:claim',
      sub: 'did:example:learner',
      jti: 'urn:uuid:claim',
      nbf: 1768035600,
      vc: {
        id: 'urn:uuid:own',
        issuer: { id: 'did:example:own', name: 'Own' },
        issuanceDate: '2025-01-01T00:00:00Z',
        credentialSubject: [{ type: 'A' }, { type: 'B' }],
      },
    });
    expect(credentialOfJwt(token)).toEqual({
      id: 'urn:uuid:own',
      issuer: { id: 'did:example:own', name: 'Own' },
      issuanceDate: '2025-01-01T00:00:00Z',
      credentialSubject: [{ type: 'A' }, { type: 'B' }],
    });
  });

  it('gives an issuer profile without an id the iss claim as its id, without changing the decoded token', () => {
    const token = decoded({
      iss: 'did:example:claim',
      vc: { issuer: { name: 'College' }, credentialSubject: {} },
    });
    expect(credentialOfJwt(token).issuer).toEqual({ id: 'did:example:claim', name: 'College' });
    expect(token.document.issuer).toEqual({ name: 'College' });
  });

  it('leaves a token whose payload is the credential itself (VC-JOSE) as it is', () => {
    const token = decoded({ iss: 'did:example:claim', credentialSubject: {} }, 'vc-jose');
    expect(credentialOfJwt(token)).toBe(token.document);
    expect(credentialOfJwt(token)).not.toHaveProperty('issuer');
  });
});
