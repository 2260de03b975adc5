import { randomBytes } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { checkStatus as bitstringCheckStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { type IssuerStore, openStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testBackends } from '../../../store/test/support/backends.js';
import {
  createDidResolver,
  createDocumentLoader,
  createIssuerService,
  createStatusChecker,
  createVerifier,
  decodeStatusList,
  type IssuerService,
} from '../../src/index.js';
import { verificationSuites } from '../../src/issue/cryptosuites.js';
import { BASE_URL, listServer } from '../status/list-server.js';
import { microModule } from './sample-credential.js';

async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

function listIdOf(entry: unknown): string {
  const url = (entry as { statusListCredential: string }).statusListCredential;
  return decodeURIComponent(url.slice(`${BASE_URL}/status/`.length));
}

const resolver = createDidResolver({ fetch: async () => new Response('no network', { status: 599 }) });
const documentLoader = createDocumentLoader({ resolver });

describe.each(testBackends())('issuer service on $name', (backend) => {
  if (!backend.available) {
    it.skip(`skipped: set TEST_POSTGRES_URL to run the ${backend.name} suite`, () => {});
    return;
  }

  let database: TestDatabase;
  let store: IssuerStore;
  let service: IssuerService;

  beforeAll(async () => {
    database = await backend.freshDatabase();
    store = await openStore(database.url, { secret: randomBytes(32) });
    service = createIssuerService({ store, baseUrl: BASE_URL });
  });

  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('creates a did:key issuer whose private key is kept in the store as a Multikey', async () => {
    const issuer = await service.createIssuer({ name: 'Acme Training', url: 'https://acme.example' });
    expect(issuer.did).toMatch(/^did:key:z6Mk/);
    expect(issuer.didDocument).toMatchObject({ id: issuer.did });
    expect(issuer.profile).toMatchObject({ id: issuer.did, type: ['Profile'], name: 'Acme Training' });
    expect(JSON.stringify(issuer)).not.toContain('secretKeyMultibase');
    const record = await store.getIssuer(issuer.id);
    expect(record?.keys[0]?.secret).toMatchObject({ type: 'Multikey', controller: issuer.did });
    expect(record?.keys[0]?.secret.secretKeyMultibase).toEqual(expect.any(String));
    expect((await service.getIssuer(issuer.id))?.did).toBe(issuer.did);
  });

  it('creates a did:web issuer whose DID document lists its P-256 key for assertion', async () => {
    const issuer = await service.createIssuer({
      id: `web-${randomBytes(3).toString('hex')}`,
      name: 'Leeds City College',
      keyType: 'P-256',
      didWeb: { domain: 'leeds-college.example', path: 'issuers/main' },
    });
    expect(issuer.did).toBe('did:web:leeds-college.example:issuers:main');
    const document = issuer.didDocument as {
      assertionMethod: string[];
      verificationMethod: Array<{ publicKeyMultibase: string }>;
    };
    expect(document.assertionMethod).toEqual([`${issuer.did}#key-1`]);
    expect(document.verificationMethod[0]?.publicKeyMultibase).toMatch(/^zDn/);
    expect((await service.getIssuer(issuer.id))?.didDocument).toEqual(issuer.didDocument);
    expect((await service.listIssuers()).map((item) => item.id)).toContain(issuer.id);
  });

  it('refuses to create an issuer over an existing id', async () => {
    const id = `dup-${randomBytes(3).toString('hex')}`;
    await service.createIssuer({ id, name: 'First' });
    expect(await rejectionCode(service.createIssuer({ id, name: 'Second' }))).toBe('issuer-exists');
  });

  it('issues with a revocation entry, a suspension entry when asked, and an issuance log line', async () => {
    const issuer = await service.createIssuer({ name: 'Log Issuer' });
    const result = await service.issue({
      issuerId: issuer.id,
      credential: microModule(),
      suspendable: true,
      areaCode: 'E08000035',
    });
    const credential = result.credential as Record<string, unknown>;
    expect(credential.issuer).toMatchObject({ id: issuer.did, name: 'Leeds City College' });
    const entries = credential.credentialStatus as Array<Record<string, unknown>>;
    expect(entries.map((entry) => entry.statusPurpose)).toEqual(['revocation', 'suspension']);
    for (const [position, entry] of entries.entries()) {
      const allocated = result.status[position];
      expect(entry).toEqual({
        id: `${BASE_URL}/status/${allocated?.listId}#${allocated?.index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: allocated?.purpose,
        statusListIndex: String(allocated?.index),
        statusListCredential: `${BASE_URL}/status/${allocated?.listId}`,
      });
    }
    const record = await store.findIssuance(result.credentialId);
    expect(record).toMatchObject({
      issuerId: issuer.id,
      kind: 'micro-module',
      level: 'general',
      areaCode: 'E08000035',
      achievementName: 'Cyber security essentials',
      status: result.status,
    });
    expect(record?.skills).toEqual([
      { framework: 'SFIA', code: 'SCTY', level: '2' },
      { framework: 'UK-EDS', code: 'EDS-SAFE-LEGAL' },
    ]);
    expect(record?.credentialHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('issues only once for a batch key given twice', async () => {
    const issuer = await service.createIssuer({ name: 'Batch Issuer' });
    const batchKey = `batch-${randomBytes(4).toString('hex')}`;
    const first = await service.issue({ issuerId: issuer.id, credential: microModule(), batchKey });
    const second = await service.issue({ issuerId: issuer.id, credential: microModule(), batchKey });
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, credentialId: first.credentialId, status: first.status });
    const [list] = await store.listStatusLists(issuer.id);
    expect(list?.allocated).toBe(1);
  });

  it('issues once when two issues with one batch key race', async () => {
    const issuer = await service.createIssuer({ name: 'Racing Issuer' });
    const batchKey = `race-${randomBytes(4).toString('hex')}`;
    const results = await Promise.all(
      [1, 2, 3].map(() => service.issue({ issuerId: issuer.id, credential: microModule(), batchKey })),
    );
    const fresh = results.filter((result) => !result.duplicate);
    expect(fresh).toHaveLength(1);
    expect(new Set(results.map((result) => result.credentialId))).toEqual(new Set([fresh[0]?.credentialId]));
  });

  it('serves a list signed after the last change to every caller, re-signing only when it moved', async () => {
    const issuer = await service.createIssuer({ name: 'Serving Issuer' });
    const { credentialId, status } = await service.issue({ issuerId: issuer.id, credential: microModule() });
    const listId = status[0]?.listId as string;
    const [first, second] = await Promise.all([
      service.statusListCredential(listId),
      service.statusListCredential(listId),
    ]);
    expect(second?.credential).toEqual(first?.credential);
    const change = service.changeStatus({ credentialId, action: 'revoke' });
    await change;
    const after = await service.statusListCredential(listId);
    const { version } = (await store.getStatusList(listId)) ?? { version: -1 };
    expect(after?.version).toBe(version);
    expect(after?.etag).toBe(`W/"${listId}.${version}"`);
    const moved = createIssuerService({ store, baseUrl: 'https://moved.example.org' });
    expect((await moved.statusListCredential(listId))?.credential.id).toBe(
      `https://moved.example.org/status/${listId}`,
    );
    expect(await service.statusListCredential('no-such-list')).toBeUndefined();
  });

  it('refuses unknown credentials and a suspension the credential has no entry for', async () => {
    const issuer = await service.createIssuer({ name: 'Refusing Issuer' });
    const { credentialId } = await service.issue({ issuerId: issuer.id, credential: microModule() });
    expect(
      await rejectionCode(service.changeStatus({ credentialId: 'urn:uuid:nope', action: 'revoke' })),
    ).toBe('credential-unknown');
    expect(await rejectionCode(service.changeStatus({ credentialId, action: 'suspend' }))).toBe(
      'status-purpose-missing',
    );
    expect(
      await rejectionCode(service.issue({ issuerId: 'no-such-issuer', credential: microModule() })),
    ).toBe('issuer-not-found');
    expect(await service.statusOf('urn:uuid:nope')).toBeUndefined();
    const before = (await store.listStatusLists(issuer.id))[0]?.allocated;
    const noSubject = { ...microModule(), credentialSubject: 'did:key:z6Mk' };
    expect(await rejectionCode(service.issue({ issuerId: issuer.id, credential: noSubject }))).toBe(
      'invalid-credential',
    );
    const { name: _name, ...unnamed } = microModule();
    const invalid = {
      ...unnamed,
      credentialSubject: { ...(unnamed.credentialSubject as object), achievement: 7 },
    };
    expect(await rejectionCode(service.issue({ issuerId: issuer.id, credential: invalid }))).toBe(
      'invalid-credential',
    );
    expect((await store.listStatusLists(issuer.id))[0]?.allocated).toBe(before);
  });

  it('revokes idempotently, bumping the list version and re-signing the list once per change', async () => {
    const issuer = await service.createIssuer({ name: 'Revoking Issuer' });
    const { credentialId, status } = await service.issue({ issuerId: issuer.id, credential: microModule() });
    const listId = status[0]?.listId as string;
    const before = await service.statusListCredential(listId);
    const again = await service.statusListCredential(listId);
    expect(again).toEqual(before);

    const revoked = await service.changeStatus({ credentialId, action: 'revoke' });
    expect(revoked).toEqual({ credentialId, revoked: true, suspended: false, changed: true });
    const after = await service.statusListCredential(listId);
    expect(after?.version).toBeGreaterThan(before?.version as number);
    expect(after?.etag).not.toBe(before?.etag);
    const subject = after?.credential.credentialSubject as { encodedList: string };
    expect(decodeStatusList(subject.encodedList).getStatus(status[0]?.index as number)).toBe(true);

    const repeat = await service.changeStatus({ credentialId, action: 'revoke' });
    expect(repeat).toEqual({ credentialId, revoked: true, suspended: false, changed: false });
    expect((await service.statusListCredential(listId))?.version).toBe(after?.version);
    expect(await service.statusOf(credentialId)).toEqual({ credentialId, revoked: true, suspended: false });
  });

  it('suspends and unsuspends a suspendable credential', async () => {
    const issuer = await service.createIssuer({ name: 'Suspending Issuer' });
    const { credentialId } = await service.issue({
      issuerId: issuer.id,
      credential: microModule(),
      suspendable: true,
    });
    expect(await service.changeStatus({ credentialId, action: 'suspend' })).toMatchObject({
      suspended: true,
      changed: true,
    });
    expect(await service.changeStatus({ credentialId, action: 'unsuspend' })).toMatchObject({
      suspended: false,
      revoked: false,
      changed: true,
    });
  });

  it('publishes a status list credential that @digitalbazaar/vc verifies directly', async () => {
    const issuer = await service.createIssuer({ name: 'Interop Issuer' });
    const { status } = await service.issue({ issuerId: issuer.id, credential: microModule() });
    const list = await service.statusListCredential(status[0]?.listId as string);
    const credential = list?.credential as Record<string, unknown>;
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `${BASE_URL}/status/${status[0]?.listId}`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuer.did,
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    const outcome = await vc.verifyCredential({ credential, suite: verificationSuites(), documentLoader });
    expect(outcome.error).toBeUndefined();
    expect(outcome.verified).toBe(true);
  });

  it('shows a credential revoked through the service as revoked to vc-bitstring-status-list checkStatus', async () => {
    const issuer = await service.createIssuer({ name: 'Library Issuer' });
    const { credential, credentialId } = await service.issue({
      issuerId: issuer.id,
      credential: microModule(),
    });
    const signed = credential as Record<string, unknown>;
    // The library loads the list through the document loader: ours, plus the list URLs served by the service.
    const loader = async (url: string) => {
      if (url.startsWith(`${BASE_URL}/status/`)) {
        const list = await service.statusListCredential(
          decodeURIComponent(url.slice(`${BASE_URL}/status/`.length)),
        );
        return { contextUrl: null, documentUrl: url, document: list?.credential };
      }
      return documentLoader(url);
    };
    const check = () =>
      bitstringCheckStatus({ credential: signed, documentLoader: loader, suite: verificationSuites() });
    const before = await check();
    expect(before.verified).toBe(true);
    expect(before.results?.[0]?.status).toBe(false);
    await service.changeStatus({ credentialId, action: 'revoke' });
    const after = await check();
    expect(after.verified).toBe(true);
    expect(after.results?.[0]?.status).toBe(true);
    expect(listIdOf(after.results?.[0]?.credentialStatus)).toBe(listIdOf(signed.credentialStatus));
  });

  it('signs status lists with a P-256 issuer key (ecdsa-rdfc-2019) that verifiers accept', async () => {
    const issuer = await service.createIssuer({ name: 'Curve Issuer', keyType: 'P-256' });
    const server = listServer(service);
    const check = createStatusChecker({
      safeFetch: server.safeFetch,
      resolver,
      documentLoader,
      maxEntries: 0,
    });
    const { credential, credentialId } = await service.issue({
      issuerId: issuer.id,
      credential: microModule(),
    });
    expect((await check(credential as Record<string, unknown>)).code).toBe('status-ok');
    await service.changeStatus({ credentialId, action: 'revoke' });
    expect((await check(credential as Record<string, unknown>)).code).toBe('revoked');
    const list = await service.statusListCredential(
      listIdOf((credential as Record<string, unknown>).credentialStatus),
    );
    expect(list?.credential.proof).toMatchObject([{ cryptosuite: 'ecdsa-rdfc-2019' }]);
  });

  it('verifies an issued credential end to end: status-ok, then revoked after revocation', async () => {
    const issuer = await service.createIssuer({ name: 'End To End Issuer' });
    const server = listServer(service);
    server.cacheControl = 'no-cache';
    const verify = createVerifier({
      resolver,
      documentLoader,
      checkStatus: createStatusChecker({ safeFetch: server.safeFetch, resolver, documentLoader }),
    });
    for (const format of ['di', 'jwt'] as const) {
      const { credential, credentialId } = await service.issue({
        issuerId: issuer.id,
        credential: microModule(),
        format,
      });
      const first = await verify(credential);
      expect(first.checks.find((check) => check.check === 'status')?.code).toBe('status-ok');
      expect(first.credentials[0]?.summary.status).toBe('verified');
      await service.changeStatus({ credentialId, action: 'revoke' });
      const second = await verify(credential);
      expect(second.verified).toBe(false);
      expect(second.checks.find((check) => check.check === 'status')?.code).toBe('revoked');
      expect(second.credentials[0]?.summary.status).toBe('revoked');
    }
  });

  it('verifies a suspendable credential (two status entries) and reports it suspended, then verified again', async () => {
    const issuer = await service.createIssuer({ name: 'Suspension End To End' });
    const server = listServer(service);
    server.cacheControl = 'no-cache';
    const verify = createVerifier({
      resolver,
      documentLoader,
      checkStatus: createStatusChecker({ safeFetch: server.safeFetch, resolver, documentLoader }),
    });
    const { credential, credentialId } = await service.issue({
      issuerId: issuer.id,
      credential: microModule(),
      suspendable: true,
    });
    expect((credential as Record<string, unknown>).credentialStatus).toHaveLength(2);
    const fresh = await verify(credential);
    expect(fresh.checks.find((check) => check.check === 'schema')?.code).toBe('schema-ok');
    expect(fresh.verified).toBe(true);
    await service.changeStatus({ credentialId, action: 'suspend' });
    const suspended = await verify(credential);
    expect(suspended.verified).toBe(false);
    expect(suspended.checks.find((check) => check.check === 'status')?.code).toBe('suspended');
    await service.changeStatus({ credentialId, action: 'unsuspend' });
    expect((await verify(credential)).verified).toBe(true);
  });
});
