import type { DocumentLoader } from '../loader/document-loader.js';
import { issuerIdOf } from './format-check.js';
import { proofsOf } from './proof-data-integrity.js';

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIBASE_KEY = /^z[1-9A-HJ-NP-Za-km-z]{40,120}$/;

/**
 * Open Badges 3.0 lets an issuer without a DID name its key as `<issuer URL>#<publicKeyMultibase>`. The key is
 * read from the URL itself (nothing is fetched) and its controller document is made up from the proofs, so
 * the signature can be checked; the issuer check then reports that this proves only possession of the key.
 */
export function urlKeyLoader(credential: Record<string, unknown>, base: DocumentLoader): DocumentLoader {
  const issuerId = issuerIdOf(credential);
  const methods = proofsOf(credential)
    .map((proof) => proof.verificationMethod)
    .filter((id): id is string => typeof id === 'string' && id.startsWith('https://'))
    .filter((id) => id.split('#')[0] === issuerId && MULTIBASE_KEY.test(id.split('#')[1] ?? ''));
  if (methods.length === 0 || !issuerId) return base;
  const documents = new Map<string, object>();
  for (const id of methods) {
    const publicKeyMultibase = id.split('#')[1]!;
    documents.set(id, {
      '@context': MULTIKEY_CONTEXT,
      id,
      type: 'Multikey',
      controller: issuerId,
      publicKeyMultibase,
    });
  }
  documents.set(issuerId, {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: issuerId,
    assertionMethod: methods,
  });
  return async (url: string) => {
    const document = documents.get(url);
    return document ? { contextUrl: null, documentUrl: url, document } : base(url);
  };
}
