import type { DIDDocument, DIDResolutionResult, DIDResolver, ParsedDID } from 'did-resolver';
import { Codes } from '../codes.js';
import { keyTypeOfMultibase, toLibraryKeyPair } from '../keys/multikey-library.js';
import { DID_DOCUMENT_CONTEXTS } from './did-contexts.js';

/**
 * A did-resolver driver for `did:key` with Ed25519 (`z6Mk…`), P-256 (`zDn…`) and P-384 (`z82…`) keys. The DID
 * document is computed from the key itself, so resolution never touches the network. A key the multikey
 * libraries cannot load resolves to the `invalidDid` error.
 *
 * @example
 * const resolver = new Resolver({ ...getDidKeyResolver() });
 * const { didDocument } = await resolver.resolve('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
 */
export function getDidKeyResolver(): Record<string, DIDResolver> {
  return { key: resolveDidKey };
}

async function resolveDidKey(did: string, parsed: ParsedDID): Promise<DIDResolutionResult> {
  const publicKeyMultibase = parsed.id;
  if (!(await isLoadablePublicKey(did, publicKeyMultibase))) {
    return {
      didDocument: null,
      didDocumentMetadata: {},
      didResolutionMetadata: {
        error: 'invalidDid',
        code: Codes.didResolutionFailed,
        message: `${did} does not hold a valid Ed25519, P-256 or P-384 public key.`,
      },
    };
  }
  return {
    didDocument: didKeyDocument(did, publicKeyMultibase),
    didDocumentMetadata: {},
    didResolutionMetadata: { contentType: 'application/did+ld+json' },
  };
}

/** Validates the key the way a verifier will use it: by loading it into the matching multikey library. */
async function isLoadablePublicKey(did: string, publicKeyMultibase: string): Promise<boolean> {
  const type = keyTypeOfMultibase(publicKeyMultibase);
  if (!type) return false;
  try {
    await toLibraryKeyPair({ type, id: `${did}#${publicKeyMultibase}`, controller: did, publicKeyMultibase });
    return true;
  } catch {
    return false;
  }
}

/** The did:key document: one Multikey verification method, usable for every verification relationship. */
function didKeyDocument(did: string, publicKeyMultibase: string): DIDDocument {
  const id = `${did}#${publicKeyMultibase}`;
  return {
    '@context': [...DID_DOCUMENT_CONTEXTS],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
    authentication: [id],
    assertionMethod: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  };
}
