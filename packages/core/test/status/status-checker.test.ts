import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type IssuerStore, openStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDidResolver,
  createDocumentLoader,
  createIssuerService,
  createStatusChecker,
  createStatusListCredential,
  createVerifier,
  type IssuerProfile,
  type IssuerService,
  importMultikey,
  issueCredential,
  type StatusCheckerOptions,
  signStatusListCredential,
} from '../../src/index.js';
import { microModule } from '../issuer/sample-credential.js';
import { BASE_URL, type ListServer, listServer } from './list-server.js';

const resolver = createDidResolver({ fetch: async () => new Response('no network', { status: 599 }) });
const documentLoader = createDocumentLoader({ resolver });

let store: IssuerStore;
let service: IssuerService;
let issuer: IssuerProfile;
let otherIssuer: IssuerProfile;

beforeAll(async () => {
  store = await openStore('sqlite::memory:', { secret: randomBytes(32) });
  service = createIssuerService({ store, baseUrl: BASE_URL });
  issuer = await service.createIssuer({ name: 'Status Issuer' });
  otherIssuer = await service.createIssuer({ name: 'Other Issuer' });
});

afterAll(async () => {
  await store?.close();
});

function checkerFor(server: ListServer, options: StatusCheckerOptions = {}) {
  return createStatusChecker({ safeFetch: server.safeFetch, resolver, documentLoader, ...options });
}

async function issued(options: { suspendable?: boolean; by?: IssuerProfile } = {}) {
  const result = await service.issue({
    issuerId: (options.by ?? issuer).id,
    credential: microModule(),
    ...(options.suspendable ? { suspendable: true } : {}),
  });
  return { ...result, credential: result.credential as Record<string, unknown> };
}

function entriesOf(credential: Record<string, unknown>): Array<Record<string, unknown>> {
  const status = credential.credentialStatus;
  return structuredClone(Array.isArray(status) ? status : [status]) as Array<Record<string, unknown>>;
}

describe('status checker', () => {
  it('passes a credential that is neither revoked nor suspended, checking both entries', async () => {
    const server = listServer(service);
    const { credential } = await issued({ suspendable: true });
    const check = await checkerFor(server)(credential);
    expect(check).toMatchObject({ check: 'status', outcome: 'pass', code: 'status-ok' });
    expect(new Set(server.requests.map((request) => request.url)).size).toBe(2);
  });

  it('reports revoked for a revoked credential', async () => {
    const { credential, credentialId } = await issued();
    await service.changeStatus({ credentialId, action: 'revoke' });
    expect(await checkerFor(listServer(service))(credential)).toMatchObject({
      outcome: 'fail',
      code: 'revoked',
    });
  });

  it('reports suspended for a suspended credential, and status-ok once unsuspended', async () => {
    const { credential, credentialId } = await issued({ suspendable: true });
    await service.changeStatus({ credentialId, action: 'suspend' });
    expect(await checkerFor(listServer(service))(credential)).toMatchObject({
      outcome: 'fail',
      code: 'suspended',
    });
    await service.changeStatus({ credentialId, action: 'unsuspend' });
    expect((await checkerFor(listServer(service))(credential)).code).toBe('status-ok');
  });

  it('reports revoked before suspended when both bits are set', async () => {
    const { credential, credentialId } = await issued({ suspendable: true });
    await service.changeStatus({ credentialId, action: 'suspend' });
    await service.changeStatus({ credentialId, action: 'revoke' });
    expect((await checkerFor(listServer(service))(credential)).code).toBe('revoked');
  });

  it('warns that the list is unreachable by default and fails when the policy says so', async () => {
    const server = listServer(service);
    server.failure = 'down';
    const { credential } = await issued();
    expect(await checkerFor(server)(credential)).toMatchObject({
      outcome: 'warn',
      code: 'status-list-unreachable',
    });
    expect(await checkerFor(server, { unreachable: 'fail' })(credential)).toMatchObject({
      outcome: 'fail',
      code: 'status-list-unreachable',
    });
    server.failure = 503;
    expect((await checkerFor(server)(credential)).code).toBe('status-list-unreachable');
  });

  it('reports status-list-invalid for a list whose bits were changed after signing', async () => {
    const server = listServer(service);
    const { credential } = await issued();
    const [entry] = entriesOf(credential);
    const allOnes = `u${gzipSync(Buffer.alloc(16384, 0xff)).toString('base64url')}`;
    server.override.set(String(entry?.statusListCredential), (body) => {
      (body.credentialSubject as Record<string, unknown>).encodedList = allOnes;
      return body;
    });
    expect(await checkerFor(server)(credential)).toMatchObject({
      outcome: 'fail',
      code: 'status-list-invalid',
    });
  });

  it('reports status-list-invalid for a list signed by another issuer', async () => {
    const server = listServer(service);
    const { credential } = await issued();
    const { credential: foreign } = await issued({ by: otherIssuer });
    // The credential's entry points at the other issuer's (validly signed) list.
    const forged = { ...credential, credentialStatus: entriesOf(foreign)[0] };
    const check = await checkerFor(server)(forged);
    expect(check).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
    expect(check.message).toContain(otherIssuer.did);
  });

  it('reports status-list-invalid when the list purpose differs from the entry purpose', async () => {
    const { credential } = await issued();
    const [entry] = entriesOf(credential);
    const forged = { ...credential, credentialStatus: { ...entry, statusPurpose: 'suspension' } };
    expect((await checkerFor(listServer(service))(forged)).code).toBe('status-list-invalid');
  });

  it('reports status-list-invalid for an index outside the list', async () => {
    const { credential } = await issued();
    const [entry] = entriesOf(credential);
    const forged = { ...credential, credentialStatus: { ...entry, statusListIndex: '131072' } };
    expect((await checkerFor(listServer(service))(forged)).code).toBe('status-list-invalid');
  });

  it('reports status-list-invalid for a validly signed list published for another URL', async () => {
    const server = listServer(service);
    const { credential, credentialId, status } = await issued();
    await service.changeStatus({ credentialId, action: 'revoke' });
    const [entry] = entriesOf(credential);
    const url = String(entry?.statusListCredential);
    const record = await store.getIssuer(issuer.id);
    const issuerKey = await importMultikey(record?.keys[0]?.secret);
    const list = await store.getStatusList(status[0]?.listId as string);
    // Same issuer, same purpose, no bit set, good proof: only its id says it is not this list (a replay).
    const elsewhere = await signStatusListCredential({
      id: `${url}-archive`,
      issuer: issuer.did,
      purpose: 'revocation',
      bits: new Uint8Array(list?.bits.length ?? 16384),
      issuerKey,
    });
    server.override.set(url, () => elsewhere);
    expect(await checkerFor(server)(credential)).toMatchObject({
      outcome: 'fail',
      code: 'status-list-invalid',
    });
    server.override.set(url, () => ({ ...elsewhere, id: url }));
    expect((await checkerFor(server)(credential)).code).toBe('status-list-invalid');
    server.override.clear();
    expect((await checkerFor(server)(credential)).code).toBe('revoked');
  });

  it('reports status-list-invalid for a malformed status entry', async () => {
    const { credential } = await issued();
    const [entry] = entriesOf(credential);
    const forged = { ...credential, credentialStatus: { ...entry, statusListIndex: 'twelve' } };
    expect((await checkerFor(listServer(service))(forged)).code).toBe('status-list-invalid');
  });

  it('warns status-type-unsupported for status types it does not check, never reporting them as fine', async () => {
    const server = listServer(service);
    const { credential } = await issued();
    const legacy = {
      id: 'https://example.org/status/3#94567',
      type: 'RevocationList2020Status',
      revocationListIndex: '94567',
      revocationListCredential: 'https://example.org/status/3',
    };
    const onlyLegacy = { ...credential, credentialStatus: legacy };
    expect(await checkerFor(server)(onlyLegacy)).toMatchObject({
      outcome: 'warn',
      code: 'status-type-unsupported',
    });
    const both = { ...credential, credentialStatus: [...entriesOf(credential), legacy] };
    expect((await checkerFor(server)(both)).code).toBe('status-type-unsupported');
    const multiBit = { ...credential, credentialStatus: { ...entriesOf(credential)[0], statusSize: 2 } };
    expect((await checkerFor(server)(multiBit)).code).toBe('status-type-unsupported');
    const invented = {
      ...credential,
      credentialStatus: { id: 'https://example.org/rl', type: 'ExampleStatusMethod2030' },
    };
    expect((await checkerFor(server)(invented)).code).toBe('status-type-unsupported');
    // Nothing was fetched for the types that are not checked (only the Bitstring lists of `both`).
    expect(server.requests.every((request) => request.url.startsWith(BASE_URL))).toBe(true);
  });

  it('skips a credential without a status entry', async () => {
    const { credential } = await issued();
    const { credentialStatus: _status, ...plain } = credential;
    expect(await checkerFor(listServer(service))(plain)).toMatchObject({
      outcome: 'skip',
      code: 'status-none',
    });
  });

  it('verifies a status list published as a VC-JOSE JWT', async () => {
    const server = listServer(service);
    const { credential, status } = await issued();
    const [entry] = entriesOf(credential);
    const url = String(entry?.statusListCredential);
    const list = await store.getStatusList(status[0]?.listId as string);
    const record = await store.getIssuer(issuer.id);
    const key = await importMultikey(record?.keys[0]?.secret);
    const unsigned = await createStatusListCredential({
      id: url,
      issuer: issuer.did,
      purpose: 'revocation',
      bits: list?.bits as Uint8Array,
    });
    const jwt = await issueCredential(unsigned, { issuerKey: key, format: 'jwt', validateSchema: false });
    server.override.set(url, () => jwt);
    expect((await checkerFor(server)(credential)).code).toBe('status-ok');
    const [header, payload] = jwt.split('.');
    server.override.set(url, () => `${header}.${payload}.${'A'.repeat(86)}`);
    expect((await checkerFor(server, { maxEntries: 0 })(credential)).code).toBe('status-list-invalid');
  });
});

describe('status list caching', () => {
  it('uses a fetched list until max-age passes, then revalidates it with its ETag', async () => {
    const server = listServer(service);
    server.cacheControl = 'max-age=60';
    let now = new Date('2026-05-01T10:00:00Z');
    const check = checkerFor(server, { now: () => now, maxAgeSeconds: 600 });
    const { credential, credentialId } = await issued();
    await check(credential);
    await check(credential);
    expect(server.requests).toHaveLength(1);
    now = new Date('2026-05-01T10:01:01Z');
    expect((await check(credential)).code).toBe('status-ok');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.ifNoneMatch).toMatch(/^W\/".+"$/);
    // A change moves the ETag, so the next revalidation downloads the new list.
    await service.changeStatus({ credentialId, action: 'revoke' });
    now = new Date('2026-05-01T10:02:02Z');
    expect((await check(credential)).code).toBe('revoked');
  });

  it('never keeps a list longer than the configured maximum age', async () => {
    const server = listServer(service);
    server.cacheControl = 'max-age=86400';
    let now = new Date('2026-05-01T10:00:00Z');
    const check = checkerFor(server, { now: () => now, maxAgeSeconds: 30 });
    const { credential } = await issued();
    await check(credential);
    now = new Date('2026-05-01T10:00:31Z');
    await check(credential);
    expect(server.requests).toHaveLength(2);
  });

  it('does not cache a list sent with no-store, and keeps at most maxEntries lists', async () => {
    const server = listServer(service);
    server.cacheControl = 'no-store';
    const { credential } = await issued();
    const check = checkerFor(server);
    await check(credential);
    await check(credential);
    expect(server.requests).toHaveLength(2);

    const bounded = listServer(service);
    const small = checkerFor(bounded, { maxEntries: 1 });
    const { credential: mine } = await issued();
    const { credential: theirs } = await issued({ by: otherIssuer });
    await small(mine);
    await small(theirs);
    await small(mine);
    expect(bounded.requests).toHaveLength(3);
  });
});

describe('createVerifier status default', () => {
  it('checks Bitstring Status Lists over the resolver safe fetch without a checkStatus option', async () => {
    const server = listServer(service);
    const verify = createVerifier({ resolverOptions: { safeFetch: server.safeFetch }, proofWorkers: 0 });
    const { credential, credentialId } = await issued();
    const report = await verify(credential);
    expect(report.checks.find((check) => check.check === 'status')?.code).toBe('status-ok');
    await service.changeStatus({ credentialId, action: 'revoke' });
    const strict = createVerifier({
      resolverOptions: { safeFetch: server.safeFetch },
      proofWorkers: 0,
      statusOptions: { maxEntries: 0 },
    });
    expect((await strict(credential)).credentials[0]?.summary.status).toBe('revoked');
  });
});
