import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { SignedCredential } from '../issue/issue-credential.js';
import type { JwtKeyResolver } from './jwt-credential.js';
import type { PresentationProofOutcome } from './presentation-proof.js';
import type { ProofOutcome } from './proof-data-integrity.js';
import type { CheckTask, ProofTask } from './proof-worker.js';

/** What a worker hands back: a proof check's outcome, or a credential it signed. */
type ProofResult = ProofOutcome | PresentationProofOutcome | SignedCredential;

/** Named as the options of `createVerifier` and `createIssuerService`, which hand theirs straight on. */
export interface ProofPoolOptions {
  /** Worker threads (default: one fewer than the machine's cores, at least 1; `0` turns the pool off). */
  proofWorkers?: number;
  /**
   * How long an idle worker lives, in ms (default 1000), so its memory is given back soon after a burst. Idle
   * workers never keep the process alive.
   */
  proofWorkerIdleMs?: number;
}

/**
 * Checks and creates Data Integrity proofs on worker threads. RDF canonicalization is CPU-bound JavaScript, so a
 * passport's credentials, a cohort's signatures and concurrent service requests only use every core when proofs
 * run in parallel threads. A proof runs on the calling thread when no other is in progress there: a single
 * verification or issuance never pays the hand-off.
 *
 * @example
 * const pool = createProofPool({ proofWorkers: 2 });
 * const outcome = await pool.run(task, () => checkDataIntegrityProof(credential, loader));
 */
export interface ProofPool {
  /**
   * Runs a task on this thread or a worker, whichever is free first; `preferWorker` sends a large proof (a whole
   * presentation) to a worker that is already running and has room, so this thread stays free for the smaller
   * ones. `onThisThread` must do what the task describes: it also runs when a worker fails.
   */
  run<T extends ProofResult>(
    task: ProofTask,
    onThisThread: () => Promise<T>,
    options?: { preferWorker?: boolean },
  ): Promise<T>;
  /** How many proofs were checked on this thread and on workers (for tests and monitoring). */
  readonly counts: { here: number; workers: number };
  close(): Promise<void>;
}

/**
 * Proofs handed to each worker at once. A worker's next task otherwise waits until this thread reads the worker's
 * answer, which it only does between its own proofs, so the worker idled about a third of the time; with tasks
 * queued in the worker it goes straight on (measured on 2 cores: 1.16x to 1.33x for a batch of 100, 2 to 8 per
 * worker giving 1.25x to 1.40x; 4 keeps a single request's wait behind others short).
 */
const TASKS_PER_WORKER = 4;

export function createProofPool(options: ProofPoolOptions = {}): ProofPool | undefined {
  const threads = options.proofWorkers ?? Math.max(1, availableParallelism() - 1);
  const idleTimeout = options.proofWorkerIdleMs ?? 1000;
  if (!Number.isInteger(threads) || threads < 0) {
    throw new PassportError(Codes.invalidOptions, 'proofWorkers must be a whole number of zero or more.');
  }
  if (!Number.isFinite(idleTimeout) || idleTimeout < 0) {
    throw new PassportError(Codes.invalidOptions, 'proofWorkerIdleMs must be a number of zero or more.');
  }
  if (threads === 0) return undefined;
  const capacity = threads * TASKS_PER_WORKER;
  let piscina: Piscina | undefined;
  let busyHere = false;
  let workersBusy = 0;
  const waiting: Array<() => void> = [];
  const counts = { here: 0, workers: 0 };

  function workers(): Piscina {
    // Built on first use: a verifier that never sees a burst never starts a thread.
    const source = import.meta.url.endsWith('.ts');
    if (piscina) return piscina;
    piscina = new Piscina({
      filename: new URL(source ? './proof-worker-source.mjs' : './proof-worker.js', import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
    });
    // A worker that cannot start must not crash the process: its tasks reject and are checked here instead.
    piscina.on('error', () => undefined);
    return piscina;
  }

  return {
    counts,
    async run<T extends ProofResult>(
      task: ProofTask,
      onThisThread: () => Promise<T>,
      options: { preferWorker?: boolean } = {},
    ): Promise<T> {
      const onWorker = async (): Promise<T> => {
        workersBusy++;
        try {
          const outcome = (await workers().run(task)) as T;
          counts.workers++;
          return outcome;
        } catch {
          // The worker failed (a bad proof is an outcome, not an error; a credential that cannot be signed throws
          // here too, with its own error), so the task is done here instead.
          counts.here++;
          return onThisThread();
        } finally {
          workersBusy--;
          waiting.shift()?.();
        }
      };
      // Only a running worker: starting one takes longer (about 350 ms) than a small presentation's proof here.
      const workerRunning = (piscina?.threads.length ?? 0) > 0;
      if (options.preferWorker && workerRunning && workersBusy < capacity) return onWorker();
      // Whichever is free first, this thread or a worker, takes the next proof; the rest wait their turn here
      // rather than in the pool's queue, so this thread keeps taking its share of a burst.
      for (;;) {
        if (!busyHere) {
          busyHere = true;
          counts.here++;
          try {
            // Canonicalization resolves through microtasks only; without a turn of the event loop here, workers'
            // answers (macrotasks) would wait until this thread had worked through the whole burst alone.
            await nextTurn();
            return await onThisThread();
          } finally {
            busyHere = false;
            waiting.shift()?.();
          }
        }
        if (workersBusy < capacity) return onWorker();
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    async close() {
      await piscina?.destroy();
      piscina = undefined;
    },
  };
}

/**
 * The keys a worker needs, resolved on this thread (workers never touch the network): each proof's verification
 * method for `purpose`, with its DID document. `undefined` when any is not a DID URL or cannot be resolved, so the
 * caller checks the proof on this thread, which reports why.
 *
 * @example
 * const methods = await resolveProofMethods(proofsOf(credential), resolver, 'assertionMethod');
 * if (methods) await pool.run({ credential, methods }, checkHere);
 */
export async function resolveProofMethods(
  proofs: Array<Record<string, unknown>>,
  resolver: JwtKeyResolver,
  purpose: 'assertionMethod' | 'authentication',
): Promise<CheckTask['methods'] | undefined> {
  const methods: CheckTask['methods'] = {};
  for (const proof of proofs) {
    const id = proof.verificationMethod;
    if (typeof id !== 'string' || !id.startsWith('did:')) return undefined;
    try {
      methods[id] = await resolver.resolveVerificationMethod(id, { purpose });
    } catch {
      return undefined;
    }
  }
  return methods;
}
