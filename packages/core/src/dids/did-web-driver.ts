import type { DIDResolutionResult, DIDResolver } from 'did-resolver';
import { Codes } from '../codes.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import { SafeFetchError } from '../net/safe-fetch-error.js';
import { DID_DOCUMENT_MEDIA_TYPES } from './did-contexts.js';
import type { DidResolutionErrorCode } from './did-resolution-error.js';
import { didWebUrl } from './did-web-document.js';

export interface DidWebDriverOptions {
  /**
   * Fetch documents over plain http instead of https (default false). Only for a local development server or
   * a test; the safe fetch must also allow http, or every request is refused.
   */
  useHttp?: boolean;
}

/**
 * A did-resolver driver for `did:web` that fetches through our safe fetch. `web-did-resolver` cannot be given a
 * fetch (it always uses cross-fetch), which would bypass the address, size and time limits, so this follows the
 * did:web spec itself: DID -> https URL, GET, parse, and require the document `id` to equal the DID.
 *
 * @example
 * const resolver = new Resolver({ ...getDidWebResolver(createSafeFetch()) });
 * const { didDocument } = await resolver.resolve('did:web:training.example.org');
 */
export function getDidWebResolver(
  safeFetch: SafeFetch,
  options: DidWebDriverOptions = {},
): Record<string, DIDResolver> {
  const scheme = options.useHttp ? 'http' : 'https';

  async function resolveDidWeb(did: string): Promise<DIDResolutionResult> {
    let url: string;
    try {
      url = didWebUrl(did, { scheme });
    } catch {
      return failure('invalidDid', Codes.didResolutionFailed, `${did} is not a well-formed did:web DID.`);
    }
    let document: unknown;
    try {
      const response = await safeFetch(url, { headers: { accept: DID_DOCUMENT_MEDIA_TYPES } });
      if (response.status !== 200) {
        return failure('notFound', Codes.didResolutionFailed, `${url} answered HTTP ${response.status}.`);
      }
      document = await response.json();
    } catch (error) {
      if (error instanceof SafeFetchError) {
        return failure(
          'notFound',
          didCodeOfFetchError(error),
          `${url} could not be fetched: ${error.message}`,
        );
      }
      return failure('invalidDidDocument', Codes.didResolutionFailed, `${url} did not return JSON.`);
    }
    if (!document || typeof document !== 'object' || Array.isArray(document)) {
      return failure('invalidDidDocument', Codes.didResolutionFailed, `${url} did not return a JSON object.`);
    }
    // Without this check any site could claim to be any organisation's DID.
    const id = (document as { id?: unknown }).id;
    if (id !== did) {
      return failure(
        'invalidDidDocument',
        Codes.didResolutionFailed,
        `The document at ${url} is for ${String(id)}, not ${did}.`,
      );
    }
    return {
      didDocument: document as DIDResolutionResult['didDocument'],
      didDocumentMetadata: {},
      didResolutionMetadata: {
        contentType: '@context' in document ? 'application/did+ld+json' : 'application/did+json',
      },
    };
  }

  return { web: resolveDidWeb };
}

/** A refused address gets the DID-specific code; every other fetch failure keeps its own. */
function didCodeOfFetchError(error: SafeFetchError): DidResolutionErrorCode {
  return error.code === Codes.fetchAddressNotAllowed ? Codes.didAddressNotAllowed : error.code;
}

function failure(error: string, code: DidResolutionErrorCode, message: string): DIDResolutionResult {
  return { didDocument: null, didDocumentMetadata: {}, didResolutionMetadata: { error, code, message } };
}
