import { Piscina } from 'piscina';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDidResolver, createVerifier, issueCredential, type PassportKeyPair } from '../../src/index.js';
import proofInWorker, { type CheckTask } from '../../src/verify/proof-worker.js';
import { eddsaRdfc2022Verifying } from '../../src/verify/verifier-cache.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

type Canonizing = { canonize: (input: unknown, options: object) => Promise<string> };
type Signed = Record<string, any>;

/**
 * Credentials signed in one batch share their proof options (type, cryptosuite, created, key, purpose): a verifier
 * that keeps results canonicalizes those once, the credentials themselves every time.
 */
describe('verifying credentials that share proof options', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  let cohort: Signed[];
  const now = () => new Date('2026-12-05T11:00:00Z');

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
    cohort = [];
    for (let i = 0; i < 3; i++) {
      const credential = openBadge(issuer, learner.controller);
      cohort.push((await issueCredential(credential, { issuerKey: issuer, format: 'di', now })) as Signed);
    }
  });
  afterEach(() => vi.restoreAllMocks());

  const proofOptionsCalls = (canonize: { mock: { calls: unknown[][] } }) =>
    canonize.mock.calls.filter(([input]) => (input as { type?: unknown }).type === 'DataIntegrityProof');

  // First: the library's suite takes `canonize` when it is made (on first use), so the spy must be in place by then.
  it('remembers nothing when the result cache is off', async () => {
    const verify = createVerifier({
      proofWorkers: 0,
      resultCache: { maxEntries: 0 },
      resolverOptions: { fetch: forbiddenFetch() },
    });
    const canonize = vi.spyOn(eddsaRdfc2022Verifying as unknown as Canonizing, 'canonize');
    for (const credential of cohort) expect((await verify(credential)).verified).toBe(true);
    expect(proofOptionsCalls(canonize)).toHaveLength(3);
  });

  it('canonicalizes a cohort’s common proof options once, and still catches a changed credential', async () => {
    const verify = createVerifier({ proofWorkers: 0, resolverOptions: { fetch: forbiddenFetch() } });
    const canonize = vi.spyOn(eddsaRdfc2022Verifying as unknown as Canonizing, 'canonize');
    const reports = [];
    for (const credential of cohort) reports.push(await verify(credential));
    expect(reports.map((report) => report.verified)).toEqual([true, true, true]);
    expect(proofOptionsCalls(canonize)).toHaveLength(1);
    expect(canonize).toHaveBeenCalledTimes(4);

    // Same proof options as the ones remembered, different content: the credential is canonicalized afresh.
    const changed = structuredClone(cohort[1]!);
    changed.credentialSubject.achievement.name = 'Something else';
    const report = await verify(changed);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-invalid');
    // Proof options changed after signing are other options: canonicalized, and the signature no longer matches.
    const redated = structuredClone(cohort[2]!);
    redated.proof[0].created = '2026-12-05T11:00:01Z';
    expect((await verify(redated)).checks.find((check) => check.check === 'proof')?.code).toBe(
      'proof-invalid',
    );
    expect(proofOptionsCalls(canonize)).toHaveLength(2);
  });

  it('tells the proof workers to remember as this thread does, and they do', async () => {
    const run = vi.spyOn(Piscina.prototype, 'run');
    const remembering = createVerifier({ proofWorkers: 1, resolverOptions: { fetch: forbiddenFetch() } });
    const forgetting = createVerifier({
      proofWorkers: 1,
      resultCache: { maxEntries: 0 },
      resolverOptions: { fetch: forbiddenFetch() },
    });
    for (const [verify, expected] of [
      [remembering, true],
      [forgetting, false],
    ] as const) {
      run.mockClear();
      const copies = Array.from({ length: 8 }, (_, i) => structuredClone(cohort[i % 3]!));
      const reports = await Promise.all(copies.map((credential) => verify(credential)));
      expect(reports.every((report) => report.verified)).toBe(true);
      expect(run.mock.calls.length).toBeGreaterThan(0);
      for (const [task] of run.mock.calls) expect((task as CheckTask).rememberProofOptions).toBe(expected);
    }

    // The worker's own function, called here, with the flag as the pool sends it.
    const resolver = createDidResolver({ fetch: forbiddenFetch() });
    const id = cohort[0]!.proof[0].verificationMethod as string;
    const methods = { [id]: await resolver.resolveVerificationMethod(id, { purpose: 'assertionMethod' }) };
    const canonize = vi.spyOn(eddsaRdfc2022Verifying as unknown as Canonizing, 'canonize');
    for (const credential of cohort) {
      await proofInWorker({ credential, methods, rememberProofOptions: true });
    }
    expect(proofOptionsCalls(canonize).length).toBeLessThanOrEqual(1);
  });
});
