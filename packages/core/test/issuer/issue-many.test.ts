import { randomBytes } from 'node:crypto';
import { type IssuerStore, openStore } from '@skills-passport/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestDatabase, testBackends } from '../../../store/test/support/backends.js';
import {
  createDidResolver,
  createDocumentLoader,
  createIssuerService,
  createStatusChecker,
  createVerifier,
  type IssueResult,
  type IssuerService,
} from '../../src/index.js';
import { BASE_URL, listServer } from '../status/list-server.js';
import { microModule } from './sample-credential.js';

const resolver = createDidResolver({ fetch: async () => new Response('no network', { status: 599 }) });
const documentLoader = createDocumentLoader({ resolver });

describe.each(testBackends())('issuing a batch on $name', (backend) => {
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

  it('issues the good requests of a batch, reports the bad ones by position, and logs each issued credential', async () => {
    const issuer = await service.createIssuer({ name: 'Cohort College' });
    const requests = Array.from({ length: 40 }, (_, i) => ({
      issuerId: issuer.id,
      credential: microModule({ learnerId: `did:example:learner-${i}` }),
      format: 'jwt' as const,
      batchKey: `cohort-1:${i}`,
    }));
    const broken = microModule();
    delete (broken.credentialSubject as Record<string, unknown>).achievement;
    requests[7] = { ...requests[7]!, credential: broken };
    requests[23] = { ...requests[23]!, issuerId: 'no-such-issuer' };

    const outcomes = await service.issueMany(requests);
    const failed = outcomes.flatMap((outcome, at) => ('failed' in outcome ? [[at, outcome.error.code]] : []));
    expect(failed).toEqual([
      [7, 'invalid-credential'],
      [23, 'issuer-not-found'],
    ]);
    const issued = outcomes.filter((outcome): outcome is IssueResult => !('failed' in outcome));
    expect(issued).toHaveLength(38);
    const indexes = issued.map((result) => `${result.status[0]?.listId}:${result.status[0]?.index}`);
    expect(new Set(indexes).size).toBe(38);
    for (const result of issued) expect(await store.findIssuance(result.credentialId)).toBeTruthy();

    // Every issued credential verifies, status included.
    const server = listServer(service);
    const verify = createVerifier({
      resolver,
      documentLoader,
      checkStatus: createStatusChecker({ safeFetch: server.safeFetch, resolver, documentLoader }),
    });
    const report = await verify(issued[5]!.credential);
    expect(report.verified).toBe(true);
    expect(report.checks.find((check) => check.check === 'status')?.code).toBe('status-ok');

    // Running the same batch again issues nothing new.
    const again = await service.issueMany(requests);
    expect(again.filter((outcome) => !('failed' in outcome) && !outcome.duplicate)).toHaveLength(0);
    expect(again.filter((outcome) => !('failed' in outcome) && outcome.duplicate)).toHaveLength(38);
  });

  it('issues concurrent issue() calls as one batch (one status allocation, one log write), each with its own answer', async () => {
    const issuer = await service.createIssuer({ name: 'Busy College' });
    const allocate = vi.spyOn(store, 'allocateStatusIndexes');
    const record = vi.spyOn(store, 'recordIssuances');
    try {
      const broken = microModule();
      delete (broken.credentialSubject as Record<string, unknown>).achievement;
      const credentials = [microModule(), microModule(), broken, microModule()];
      const answers = await Promise.allSettled(
        credentials.map((credential) => service.issue({ issuerId: issuer.id, credential })),
      );
      expect(answers.map((answer) => answer.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(answers[2]).toMatchObject({ reason: { code: 'invalid-credential' } });
      expect(allocate).toHaveBeenCalledTimes(1);
      expect(allocate.mock.calls[0]![0]).toMatchObject({ count: 3 });
      expect(record).toHaveBeenCalledTimes(1);
      const issued = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
      expect(new Set(issued.map((result) => result.status[0]!.index)).size).toBe(3);
      for (const result of issued) expect(await store.findIssuance(result.credentialId)).toBeTruthy();
    } finally {
      allocate.mockRestore();
      record.mockRestore();
    }
  });

  it('keeps single issue() errors as thrown PassportErrors with their codes', async () => {
    await expect(service.issue({ issuerId: 'missing', credential: microModule() })).rejects.toMatchObject({
      code: 'issuer-not-found',
    });
  });
});
