import type { VerificationReport } from '@skills-passport/core';
import { ApiKeyRing } from '@skills-passport/server';
import type { IssuerStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsignedBadge } from '../support/credentials.js';
import {
  ACME_KEY,
  BETA_KEY,
  type IssuingApp,
  issueThroughRoute,
  issuingApp,
} from '../support/issuing-app.js';
import { openTestStore, postJson } from '../support/test-app.js';

const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

let store: IssuerStore;
let service: IssuingApp;

beforeAll(async () => {
  store = await openTestStore();
  service = await issuingApp(store);
});
afterAll(() => store.close());

const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;
const statusCheck = (report: VerificationReport) =>
  report.credentials[0]?.checks.find((check) => check.check === 'status');

async function verifyCredential(credential: unknown) {
  const response = await postJson(service.app, '/credentials/verify', { verifiableCredential: credential });
  return { status: response.status, report: (await response.json()) as VerificationReport };
}

describe('POST /credentials/issue', () => {
  it('issues a Data Integrity credential with a status entry that then verifies, status checked', async () => {
    const { response, body } = await issueThroughRoute(service.app, unsignedBadge(LEARNER));
    expect(response.status).toBe(201);
    const credential = body.verifiableCredential as Record<string, unknown>;
    expect(credential.proof).toBeDefined();
    expect(credential.credentialStatus).toBeDefined();
    expect((credential.issuer as { id: string }).id).toBe(service.acme.did);
    const { status, report } = await verifyCredential(credential);
    expect(status).toBe(200);
    expect(statusCheck(report)?.code).toBe('status-ok');
  });

  it('issues a JWT credential when asked, which verifies', async () => {
    const { response, body } = await issueThroughRoute(service.app, unsignedBadge(LEARNER), {
      format: 'jwt',
    });
    expect(response.status).toBe(201);
    expect(typeof body.verifiableCredential).toBe('string');
    const { status, report } = await verifyCredential(body.verifiableCredential);
    expect(status).toBe(200);
    expect(report.credentials[0]?.format).toBe('jwt');
  });

  it('passes mandatoryPointers on, giving a P-256 issuer an ecdsa-sd-2023 base proof', async () => {
    await service.service.createIssuer({ id: 'sd', name: 'Selective Disclosure College', keyType: 'P-256' });
    const app = (
      await issuingApp(store, {
        apiKeys: new ApiKeyRing([{ issuerId: 'sd', key: 'sd-key-0123456789abcdef' }]),
      })
    ).app;
    const response = await postJson(
      app,
      '/credentials/issue',
      { credential: unsignedBadge(LEARNER), options: { mandatoryPointers: ['/issuer', '/validFrom'] } },
      { authorization: 'Bearer sd-key-0123456789abcdef' },
    );
    expect(response.status).toBe(201);
    const { verifiableCredential } = (await response.json()) as { verifiableCredential: { proof: unknown } };
    const proofs = [verifiableCredential.proof].flat() as Array<{ cryptosuite: string }>;
    expect(proofs.map((proof) => proof.cryptosuite)).toEqual(['ecdsa-sd-2023']);
  });

  it('answers 401 without a key and with a wrong key', async () => {
    const missing = await postJson(service.app, '/credentials/issue', { credential: unsignedBadge(LEARNER) });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect(await codeOf(missing)).toBe('api-key-missing');
    const wrong = await postJson(
      service.app,
      '/credentials/issue',
      { credential: unsignedBadge(LEARNER) },
      { authorization: `Bearer ${ACME_KEY}x` },
    );
    expect(wrong.status).toBe(401);
    expect(await codeOf(wrong)).toBe('api-key-invalid');
  });

  it('answers 403 when the key asks to issue as another issuer', async () => {
    const { response } = await issueThroughRoute(service.app, unsignedBadge(LEARNER), { issuerId: 'beta' });
    expect(response.status).toBe(403);
  });

  it('answers 400 for a missing credential, a bad format, or a credential that fails its schema', async () => {
    const missing = await postJson(
      service.app,
      '/credentials/issue',
      {},
      { authorization: `Bearer ${ACME_KEY}` },
    );
    expect(missing.status).toBe(400);
    expect(
      (await issueThroughRoute(service.app, unsignedBadge(LEARNER), { format: 'pdf' })).response.status,
    ).toBe(400);
    const invalid = { ...unsignedBadge(LEARNER), credentialSubject: 'not an object' };
    const rejected = await issueThroughRoute(service.app, invalid);
    expect(rejected.response.status).toBe(400);
    expect((rejected.body as unknown as { code: string }).code).toBe('invalid-credential');
  });
});

describe('POST /credentials/status and GET /status/:listId', () => {
  it('revokes through the route, after which verification reports the credential revoked (422)', async () => {
    const { body } = await issueThroughRoute(service.app, unsignedBadge(LEARNER));
    const credential = body.verifiableCredential as Record<string, unknown>;
    expect((await verifyCredential(credential)).status).toBe(200);
    const revoke = await postJson(
      service.app,
      '/credentials/status',
      { credentialId: credential.id, action: 'revoke' },
      { authorization: `Bearer ${ACME_KEY}` },
    );
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toMatchObject({ revoked: true, changed: true });
    const { status, report } = await verifyCredential(credential);
    expect(status).toBe(422);
    expect(statusCheck(report)?.code).toBe('revoked');
    expect(report.credentials[0]?.summary.status).toBe('revoked');
  });

  it('suspends and unsuspends with the W3C VC-API credentialStatus form', async () => {
    const { body } = await issueThroughRoute(service.app, unsignedBadge(LEARNER), { suspendable: true });
    const id = (body.verifiableCredential as { id: string }).id;
    const auth = { authorization: `Bearer ${ACME_KEY}` };
    const suspend = await postJson(
      service.app,
      '/credentials/status',
      {
        credentialId: id,
        credentialStatus: [{ type: 'BitstringStatusListCredential', status: 'suspended' }],
      },
      auth,
    );
    expect(await suspend.json()).toMatchObject({ suspended: true });
    expect(statusCheck((await verifyCredential(body.verifiableCredential)).report)?.code).toBe('suspended');
    const resume = await postJson(
      service.app,
      '/credentials/status',
      { credentialId: id, credentialStatus: [{ type: 'BitstringStatusListCredential', status: 'active' }] },
      auth,
    );
    expect(await resume.json()).toMatchObject({ suspended: false });
    expect(statusCheck((await verifyCredential(body.verifiableCredential)).report)?.code).toBe('status-ok');
  });

  it('answers 403 for another issuer, 404 for an unknown credential, 409 without a suspension entry, 400 for a bad action', async () => {
    const { body } = await issueThroughRoute(service.app, unsignedBadge(LEARNER));
    const id = (body.verifiableCredential as { id: string }).id;
    const change = (payload: object, key = ACME_KEY) =>
      postJson(service.app, '/credentials/status', payload, { authorization: `Bearer ${key}` });
    expect((await change({ credentialId: id, action: 'revoke' }, BETA_KEY)).status).toBe(403);
    const unknown = await change({
      credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      action: 'revoke',
    });
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('credential-unknown');
    const noSuspension = await change({ credentialId: id, action: 'suspend' });
    expect(noSuspension.status).toBe(409);
    expect(await codeOf(noSuspension)).toBe('status-purpose-missing');
    expect((await change({ credentialId: id, action: 'delete' })).status).toBe(400);
    expect((await service.app.request('/credentials/status', { method: 'POST' })).status).toBe(401);
  });

  it('serves a status list with an ETag, 304 for a matching If-None-Match, and a new ETag after a change', async () => {
    const { body } = await issueThroughRoute(service.app, unsignedBadge(LEARNER));
    const credential = body.verifiableCredential as { id: string; credentialStatus: unknown };
    const entry = [credential.credentialStatus].flat()[0] as { statusListCredential: string };
    const path = new URL(entry.statusListCredential).pathname;
    const first = await service.app.request(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^(W\/)?"/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(((await first.json()) as { type: string[] }).type).toContain('BitstringStatusListCredential');
    const again = await service.app.request(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await service.service.changeStatus({ credentialId: credential.id, action: 'revoke' });
    const changed = await service.app.request(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 status-list-unknown for a list that does not exist', async () => {
    const response = await service.app.request('/status/no-such-list');
    expect(response.status).toBe(404);
    expect(await codeOf(response)).toBe('status-list-unknown');
  });
});

describe('issuers and DID documents', () => {
  it('serves the profile of an issuer and 404 for an unknown one', async () => {
    const response = await service.app.request('/issuers/acme');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: service.acme.did, name: 'Acme Training' });
    expect((await service.app.request('/issuers/nobody')).status).toBe(404);
  });

  it("serves a did:web issuer's DID document at the path its DID names, and 404 elsewhere", async () => {
    expect(service.acme.did).toBe('did:web:passport.test:issuers:acme');
    const response = await service.app.request('/issuers/acme/did.json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(service.acme.did);
    expect((await service.app.request('/.well-known/did.json')).status).toBe(404);
  });

  it('serves /.well-known/did.json for an issuer whose did:web is the bare host', async () => {
    await service.service.createIssuer({
      id: 'host',
      name: 'Host Issuer',
      didWeb: { domain: 'passport.test' },
    });
    const response = await service.app.request('/.well-known/did.json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe('did:web:passport.test');
  });
});
