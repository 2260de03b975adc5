import { type IssueOptions, issueCredential, type SignedCredential } from '../issue/issue-credential.js';
import { createDocumentLoader } from '../loader/document-loader.js';
import { checkDataIntegrityPresentationProof, type PresentationProofOutcome } from './presentation-proof.js';
import { checkDataIntegrityProof, type ProofOutcome } from './proof-data-integrity.js';

/** A proof to check: the document and the DID documents its proofs need, already resolved. */
export interface CheckTask {
  /** A credential (issuer's `assertionMethod` proofs), or a presentation with `kind: 'presentation'`. */
  credential: Record<string, unknown>;
  /** Resolved verification methods by id, with the DID document each came from. */
  methods: Record<string, { method: object; document: object }>;
  /** `presentation`: the holder's `authentication` proof of a presentation (default: a credential's proofs). */
  kind?: 'credential' | 'presentation';
  /** As the verifier's own thread does: see `checkDataIntegrityProof`. */
  rememberProofOptions?: boolean;
}

/**
 * A Data Integrity proof to create: the credential, already prepared and validated, and how to sign it, with the
 * clock read on the main thread (a function cannot cross to a worker).
 */
export interface SignTask {
  kind: 'sign';
  credential: Record<string, unknown>;
  sign: Omit<IssueOptions, 'now' | 'documentLoader' | 'format'> & { format: 'di'; now: string };
}

export type ProofTask = CheckTask | SignTask;

/**
 * Runs in a worker thread: signs a credential, or checks a credential's Data Integrity proofs or a presentation's
 * holder proof, with bundled contexts and, for checks, the keys the main thread resolved (so a worker never
 * touches the network and sees exactly the keys the cache key was made from).
 */
export default async function proofInWorker(
  task: ProofTask,
): Promise<ProofOutcome | PresentationProofOutcome | SignedCredential> {
  if (task.kind === 'sign') {
    const { now, ...sign } = task.sign;
    return issueCredential(task.credential, { ...sign, now: () => new Date(now) });
  }
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
  return task.kind === 'presentation'
    ? checkDataIntegrityPresentationProof(task.credential, documentLoader)
    : checkDataIntegrityProof(task.credential, documentLoader, {
        rememberProofOptions: task.rememberProofOptions === true,
      });
}
