// A worker thread of the bench's parallel ceiling: @digitalbazaar/vc alone verifying its share of a batch, one
// credential after another, each time the main thread asks. The share arrives once, so a round times proofs only.
import { parentPort, workerData } from 'node:worker_threads';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { createDidResolver, createDocumentLoader } from '../packages/core/src/index.js';

const credentials = (workerData as { credentials: object[] }).credentials;
const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

parentPort?.on('message', async () => {
  let verified = 0;
  for (const credential of credentials) {
    if ((await vc.verifyCredential({ credential, suite, documentLoader })).verified) verified++;
  }
  parentPort?.postMessage(verified);
});
