import { afterAll, describe, expect, it } from 'vitest';
import { createDidResolver, createDocumentLoader, createVerifier, issueCredential } from '../../src/index.js';
import { checkDataIntegrityProof } from '../../src/verify/proof-data-integrity.js';
import { createProofPool } from '../../src/verify/proof-pool.js';
import checkProofInWorker from '../../src/verify/proof-worker.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

const pool = createProofPool({ threads: 1, idleTimeoutMs: 200 });
afterAll(() => pool?.close());

describe('the worker pool for Data Integrity proofs', () => {
  it('checks concurrent proofs on a worker thread with the same outcome as this thread, good and tampered alike', async () => {
    const { issuer, learner } = await keys();
    const resolver = createDidResolver({ fetch: forbiddenFetch() });
    const loader = createDocumentLoader({ resolver });
    const good = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
    })) as Record<string, any>;
    const tampered = structuredClone(good);
    tampered.credentialSubject.achievement.name = 'Something else';
    const method = await resolver.resolveVerificationMethod(good.proof[0].verificationMethod, {
      purpose: 'assertionMethod',
    });
    const task = (credential: Record<string, unknown>) => ({
      credential,
      methods: { [good.proof[0].verificationMethod]: method },
    });
    const [here, onWorkerGood, onWorkerBad] = await Promise.all(
      [good, good, tampered].map((credential) =>
        pool!.check(task(credential), () => checkDataIntegrityProof(credential, loader)),
      ),
    );
    expect(pool!.counts.here + pool!.counts.workers).toBe(3);
    expect(pool!.counts.workers).toBeGreaterThanOrEqual(1);
    expect(here!.check.code).toBe('proof-ok');
    expect(onWorkerGood!.check.code).toBe('proof-ok');
    expect(onWorkerBad!.check.code).toBe('proof-invalid');
    expect(onWorkerGood!.verificationMethods).toEqual(here!.verificationMethods);
  });

  it('is used by the verifier for concurrent credentials, which all get their own correct report', async () => {
    const { issuer, learner } = await keys();
    const verify = createVerifier({
      proofWorkers: 1,
      resultCache: { maxEntries: 0 },
      resolverOptions: { fetch: forbiddenFetch() },
    });
    const credentials = await Promise.all(
      Array.from({ length: 4 }, () =>
        issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer }),
      ),
    );
    const broken = structuredClone(credentials[3]) as Record<string, any>;
    broken.issuer.name = 'Someone else';
    const reports = await Promise.all([...credentials, broken].map((credential) => verify(credential)));
    expect(reports.map((report) => report.verified)).toEqual([true, true, true, true, false]);
    expect(reports[4]!.checks.find((check) => check.check === 'proof')?.code).toBe('proof-invalid');
  });

  it('gives the worker only the keys resolved beforehand, and reports a tampered credential as proof-invalid', async () => {
    const { issuer, learner } = await keys();
    const resolver = createDidResolver({ fetch: forbiddenFetch() });
    const good = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
    })) as Record<string, any>;
    const id = good.proof[0].verificationMethod;
    const methods = { [id]: await resolver.resolveVerificationMethod(id, { purpose: 'assertionMethod' }) };
    expect((await checkProofInWorker({ credential: good, methods })).check.code).toBe('proof-ok');
    const tampered = structuredClone(good);
    tampered.validFrom = '2020-01-01T00:00:00Z';
    expect((await checkProofInWorker({ credential: tampered, methods })).check.code).toBe('proof-invalid');
    expect((await checkProofInWorker({ credential: good, methods: {} })).check.outcome).toBe('fail');
  });

  it('can be turned off', () => {
    expect(createProofPool({ threads: 0 })).toBeUndefined();
  });
});
