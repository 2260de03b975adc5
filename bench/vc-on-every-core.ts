import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * @digitalbazaar/vc alone on one worker thread per core, each verifying its share of `credentials` one after
 * another: how much more than one thread's work every core gives the library itself on this machine. `verifyAll`
 * resolves with how many verified; `close` ends the threads.
 */
export function vcOnEveryCore(credentials: object[]) {
  const threads = availableParallelism();
  const workers = Array.from({ length: threads }, (_, index) => {
    const share = credentials.filter((_, position) => position % threads === index);
    return new Worker(new URL('./vc-batch-worker.mjs', import.meta.url), {
      workerData: { credentials: share },
    });
  });
  const runOn = (worker: Worker) =>
    new Promise<number>((resolve, reject) => {
      const done = (verified: number) => {
        worker.off('error', failed);
        resolve(verified);
      };
      const failed = (error: Error) => {
        worker.off('message', done);
        reject(error);
      };
      worker.once('message', done);
      worker.once('error', failed);
      worker.postMessage('verify');
    });
  const verifyAll = async () =>
    (await Promise.all(workers.map(runOn))).reduce((sum, count) => sum + count, 0);
  return { threads, verifyAll, close: () => Promise.all(workers.map((worker) => worker.terminate())) };
}
