import { randomBytes } from 'node:crypto';
import { type IssuerStore, openStore } from '@skills-passport/store';
import { Piscina } from 'piscina';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { testBackends } from '../../../store/test/support/backends.js';
import {
  createDidResolver,
  createDocumentLoader,
  createIssuerService,
  createStatusChecker,
  createVerifier,
  type IssueResult,
  issueCredential,
} from '../../src/index.js';
import { createProofPool } from '../../src/verify/proof-pool.js';
import proofInWorker, { type ProofTask } from '../../src/verify/proof-worker.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';
import { BASE_URL, listServer } from '../status/list-server.js';
import { microModule } from './sample-credential.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const sqlite = testBackends().find((backend) => backend.name === 'sqlite')!;
const resolver = createDidResolver({ fetch: forbiddenFetch() });
const documentLoader = createDocumentLoader({ resolver });
const verify = createVerifier({ resolver, documentLoader });

afterEach(() => vi.restoreAllMocks());
afterAll(() => sqlite.cleanup());

/** Runs `use` with a fresh SQLite store, closed afterwards. */
async function withStore(use: (store: IssuerStore) => Promise<void>): Promise<void> {
  const store = await openStore((await sqlite.freshDatabase()).url, { secret: randomBytes(32) });
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

describe('signing Data Integrity proofs on worker threads', () => {
  it('signs on a worker exactly as on this thread: the same credential gets the same proof, byte for byte', async () => {
    const { issuer, learner } = await keys();
    const credential = openBadge(issuer, learner.controller);
    const sign = { issuerKey: issuer, format: 'di' as const, validateSchema: false };
    const here = await issueCredential(structuredClone(credential), { ...sign, now: () => NOW });
    const onWorker = await proofInWorker({
      kind: 'sign',
      credential: structuredClone(credential),
      sign: { ...sign, now: NOW.toISOString() },
    });
    // Ed25519 signatures are deterministic, so any difference in what was signed would show here.
    expect(onWorker).toEqual(here);
    expect((here.proof as Array<{ created: string }>)[0]!.created).toBe('2026-11-02T10:00:00Z');
    expect((await verify(onWorker)).verified).toBe(true);
  });

  it('runs sign tasks through the pool on a worker, and signs here instead when the worker refuses one', async () => {
    const { issuer, learner } = await keys();
    const pool = createProofPool({ proofWorkers: 1, proofWorkerIdleMs: 60_000 })!;
    try {
      const task = (credential: Record<string, unknown>): ProofTask => ({
        kind: 'sign',
        credential,
        sign: { issuerKey: issuer, format: 'di', validateSchema: false, now: NOW.toISOString() },
      });
      const credentials = Array.from({ length: 3 }, () => openBadge(issuer, learner.controller));
      const signed = await Promise.all(
        credentials.map((credential) =>
          pool.run(task(credential), () =>
            issueCredential(credential, { issuerKey: issuer, validateSchema: false, now: () => NOW }),
          ),
        ),
      );
      expect(pool.counts.workers).toBeGreaterThanOrEqual(1);
      for (const credential of signed) expect((await verify(credential)).verified).toBe(true);
      // A credential for another issuer cannot be signed: the worker rejects, and this thread's attempt throws
      // the library's own error, which is what the caller sees.
      const foreign = { ...openBadge(issuer, learner.controller), issuer: 'did:example:someone-else' };
      const attempts = await Promise.allSettled(
        [credentials[0]!, foreign].map((credential) =>
          pool.run(task(structuredClone(credential)), () =>
            issueCredential(structuredClone(credential), { issuerKey: issuer, now: () => NOW }),
          ),
        ),
      );
      expect(attempts[1]).toMatchObject({ status: 'rejected', reason: { code: 'invalid-key' } });
    } finally {
      await pool.close();
    }
  });

  it('has workers sign a large batch in the issuer service, in request order, each proof dated by the service clock', async () => {
    const run = vi.spyOn(Piscina.prototype, 'run');
    await withStore(async (store) => {
      const service = createIssuerService({ store, baseUrl: BASE_URL, now: () => NOW, proofWorkers: 1 });
      const issuer = await service.createIssuer({ name: 'Cohort College' });
      const learners = Array.from({ length: 24 }, (_, i) => `did:example:learner-${i}`);
      const requests = learners.map((learnerId) => ({
        issuerId: issuer.id,
        credential: microModule({ learnerId }),
      }));
      const broken = microModule();
      delete (broken.credentialSubject as Record<string, unknown>).achievement;
      requests.splice(9, 0, { issuerId: issuer.id, credential: broken });

      const outcomes = await service.issueMany(requests);
      const signTasks = run.mock.calls.filter(([task]) => (task as ProofTask).kind === 'sign');
      expect(signTasks.length).toBeGreaterThan(0);
      expect('failed' in outcomes[9]! && outcomes[9].error.code).toBe('invalid-credential');
      const issued = outcomes.filter((outcome): outcome is IssueResult => !('failed' in outcome));
      const { safeFetch } = listServer(service);
      const verifyWithStatus = createVerifier({
        resolver,
        documentLoader,
        checkStatus: createStatusChecker({ safeFetch, resolver, documentLoader }),
      });
      expect(issued.map((result) => (result.credential as any).credentialSubject.id)).toEqual(learners);
      for (const result of issued) {
        const credential = result.credential as Record<string, any>;
        expect(credential.proof[0].created).toBe('2026-11-02T10:00:00Z');
        expect(credential.credentialStatus).toMatchObject({
          statusListIndex: String(result.status[0]!.index),
        });
        expect((await verifyWithStatus(credential)).verified).toBe(true);
      }
    });
  });

  it('signs small batches, and every batch with proofWorkers 0, on the calling thread', async () => {
    const run = vi.spyOn(Piscina.prototype, 'run');
    await withStore(async (store) => {
      const pooled = createIssuerService({ store, baseUrl: BASE_URL, proofWorkers: 1 });
      const noWorkers = createIssuerService({ store, baseUrl: BASE_URL, proofWorkers: 0 });
      const issuer = await pooled.createIssuer({ name: 'Small College' });
      const batch = (size: number) =>
        Array.from({ length: size }, () => ({ issuerId: issuer.id, credential: microModule() }));
      const small = await pooled.issueMany(batch(5));
      const large = await noWorkers.issueMany(batch(25));
      expect([...small, ...large].filter((outcome) => 'failed' in outcome)).toEqual([]);
      expect(run).not.toHaveBeenCalled();
    });
  });
});
