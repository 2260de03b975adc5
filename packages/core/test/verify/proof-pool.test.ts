import { afterAll, describe, expect, it } from 'vitest';
import {
  createDidResolver,
  createDocumentLoader,
  createVerifier,
  issueCredential,
  present,
} from '../../src/index.js';
import { checkDataIntegrityPresentationProof } from '../../src/verify/presentation-proof.js';
import { checkDataIntegrityProof, type ProofOutcome } from '../../src/verify/proof-data-integrity.js';
import { createProofPool } from '../../src/verify/proof-pool.js';
import proofInWorker, { type CheckTask } from '../../src/verify/proof-worker.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

const pool = createProofPool({ proofWorkers: 1, proofWorkerIdleMs: 200 });
const checkProofInWorker = async (task: CheckTask) => (await proofInWorker(task)) as ProofOutcome;
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
        pool!.run(task(credential), () => checkDataIntegrityProof(credential, loader)),
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
    const { verify, credentials } = await poolVerifierAnd(4);
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

  it('checks a holder proof on a running worker when asked to prefer one: good, and with the challenge changed', async () => {
    const { learner, presentation, holderProof } = await oneCredentialPassport('worker-challenge-1');
    const replayed = structuredClone(presentation);
    replayed.proof.challenge = 'another-challenge';
    const warmPool = createProofPool({ proofWorkers: 1, proofWorkerIdleMs: 60_000 })!;
    try {
      // Two at once without a preference: this thread takes one, the other starts the worker.
      await Promise.all([holderProof(warmPool, presentation), holderProof(warmPool, presentation)]);
      expect(warmPool.counts).toEqual({ here: 1, workers: 1 });
      const [good, bad] = await Promise.all(
        [presentation, replayed].map((document) => holderProof(warmPool, document, { preferWorker: true })),
      );
      expect(warmPool.counts).toEqual({ here: 1, workers: 3 });
      expect(good).toMatchObject({ check: { code: 'proof-ok' }, signer: learner.controller });
      expect(bad!.check.outcome).toBe('fail');
      expect(bad!.check.code).toBe('holder-proof-invalid');
    } finally {
      await warmPool.close();
    }
  });

  it('checks a preferred proof on this thread while no worker runs, rather than wait for one to start', async () => {
    const { presentation, holderProof } = await oneCredentialPassport('cold-pool-1');
    const coldPool = createProofPool({ proofWorkers: 1, proofWorkerIdleMs: 60_000 })!;
    try {
      const outcome = await holderProof(coldPool, presentation, { preferWorker: true });
      expect(outcome.check.code).toBe('proof-ok');
      expect(coldPool.counts).toEqual({ here: 1, workers: 0 });
    } finally {
      await coldPool.close();
    }
  });

  it('verifies a Data Integrity passport with the holder proof on the pool, failing a tampered one', async () => {
    const { learner, verify, credentials } = await poolVerifierAnd(3);
    const bound = { challenge: 'pool-passport-1', domain: 'https://jobs.example.com' };
    const passport = (await present(credentials, { holderKey: learner, ...bound })) as Record<string, any>;
    const good = await verify(passport, bound);
    expect(good.verified).toBe(true);
    expect(good.holder).toBe(learner.controller);
    const tampered = structuredClone(passport);
    // Re-aimed at another site after signing: the signature no longer covers the proof's domain.
    tampered.proof.domain = 'https://elsewhere.example';
    const report = await verify(tampered, { ...bound, domain: 'https://elsewhere.example' });
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('holder-proof-invalid');
  });

  it('can be turned off', () => {
    expect(createProofPool({ proofWorkers: 0 })).toBeUndefined();
  });

  it('refuses worker counts and idle times that mean nothing, naming the verifier option', () => {
    for (const proofWorkers of [-1, 1.5, Number.NaN]) {
      expect(() => createVerifier({ proofWorkers })).toThrow(
        expect.objectContaining({
          code: 'invalid-options',
          message: expect.stringContaining('proofWorkers'),
        }),
      );
    }
    for (const proofWorkerIdleMs of [-5, Number.POSITIVE_INFINITY]) {
      expect(() => createVerifier({ proofWorkerIdleMs })).toThrow(
        expect.objectContaining({
          code: 'invalid-options',
          message: expect.stringContaining('proofWorkerIdleMs'),
        }),
      );
    }
  });
});

/** A one-credential Data Integrity passport, and a way to check its holder proof on a given pool. */
async function oneCredentialPassport(challenge: string) {
  const { issuer, learner } = await keys();
  const resolver = createDidResolver({ fetch: forbiddenFetch() });
  const loader = createDocumentLoader({ resolver });
  const credential = await issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer });
  const presentation = (await present([credential], {
    holderKey: learner,
    challenge,
    domain: 'https://jobs.example.com',
  })) as Record<string, any>;
  const id = presentation.proof.verificationMethod as string;
  const methods = { [id]: await resolver.resolveVerificationMethod(id, { purpose: 'authentication' }) };
  const holderProof = (
    pool: NonNullable<ReturnType<typeof createProofPool>>,
    document: Record<string, any>,
    options?: { preferWorker: boolean },
  ) =>
    pool.run(
      { credential: document, methods, kind: 'presentation' },
      () => checkDataIntegrityPresentationProof(document, loader),
      options,
    );
  return { learner, presentation, holderProof };
}

/** A verifier with one proof worker and no result cache, and `count` fresh credentials issued to one learner. */
async function poolVerifierAnd(count: number) {
  const { issuer, learner } = await keys();
  const verify = createVerifier({
    proofWorkers: 1,
    resultCache: { maxEntries: 0 },
    resolverOptions: { fetch: forbiddenFetch() },
  });
  const credentials = await Promise.all(
    Array.from({ length: count }, () =>
      issueCredential(openBadge(issuer, learner.controller), { issuerKey: issuer }),
    ),
  );
  return { learner, verify, credentials };
}
