import { createDocumentLoader } from '../loader/document-loader.js';
import { checkDataIntegrityProof, type ProofOutcome } from './proof-data-integrity.js';

/** What the main thread sends: the credential and the DID documents its proofs need, already resolved. */
export interface ProofTask {
  credential: Record<string, unknown>;
  /** Resolved verification methods by id, with the DID document each came from. */
  methods: Record<string, { method: object; document: object }>;
}

/**
 * Runs in a worker thread: checks a credential's Data Integrity proofs with bundled contexts and the keys the main
 * thread resolved (so a worker never touches the network and sees exactly the keys the cache key was made from).
 */
export default async function checkProofInWorker(task: ProofTask): Promise<ProofOutcome> {
  const known = new Map(Object.entries(task.methods));
  const documentOf = (did: string) =>
    [...known.values()].find((entry) => (entry.document as { id?: string }).id === did);
  const documentLoader = createDocumentLoader({
    resolver: {
      async resolve(did) {
        const entry = documentOf(did.split('#')[0] ?? did);
        if (!entry) throw new Error(`${did} was not resolved before the worker ran`);
        return entry.document;
      },
      async resolveVerificationMethod(id) {
        const entry = known.get(id);
        if (!entry) throw new Error(`${id} was not resolved before the worker ran`);
        return entry;
      },
    },
  });
  return checkDataIntegrityProof(task.credential, documentLoader);
}
