import type { DIDDocument } from 'did-resolver';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { keyTypeOfMultibase } from '../keys/multikey-library.js';
import { DID_DOCUMENT_CONTEXTS } from './did-contexts.js';

/** A hostname (letters, digits, dots, hyphens; IDNs in punycode) with an optional port. */
const HOST_WITH_PORT = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/i;

/** A key to publish in a did:web document. */
export interface DidWebKey {
  /** Fragment or full id (`key-1`, `#key-1`, `did:web:…#key-1`); default `key-<n>` in list order. */
  id?: string;
  type: 'Multikey';
  publicKeyMultibase: string;
}

export interface DidWebDocumentOptions {
  /** The host, with a port if not 443: `training.example.org`, `localhost:8443`. */
  domain: string;
  /** Optional path for one of several DIDs on a host: `issuers/acme` (served at /issuers/acme/did.json). */
  path?: string;
  /** The keys the organisation signs with; each is listed for assertionMethod and authentication. */
  keys: DidWebKey[];
}

/**
 * The `did.json` an organisation publishes for its did:web DID: the id, one Multikey verification method per
 * key, and those methods under `assertionMethod` (signing credentials) and `authentication` (presentations).
 * Serve it at `didWebUrl(document.id)`.
 *
 * @example
 * const document = createDidWebDocument({
 *   domain: 'training.example.org',
 *   keys: [{ type: 'Multikey', publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }],
 * });
 * document.id; // 'did:web:training.example.org'
 * didWebUrl(document.id); // 'https://training.example.org/.well-known/did.json'
 */
export function createDidWebDocument(options: DidWebDocumentOptions): DIDDocument {
  if (!HOST_WITH_PORT.test(options.domain)) {
    throw new PassportError(
      Codes.invalidOptions,
      `${options.domain} is not a host name (with an optional port).`,
    );
  }
  const segments = (options.path ?? '').split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new PassportError(
      Codes.invalidOptions,
      `The did:web path ${options.path} may not contain . or .. segments.`,
    );
  }
  if (options.keys.length === 0) {
    throw new PassportError(Codes.invalidKey, 'A did:web document needs at least one key.');
  }
  // The DID syntax has no room for ':' in the host, so the port's colon is percent-encoded (did:web spec).
  const did = [
    'did:web',
    options.domain.toLowerCase().replace(':', '%3A'),
    ...segments.map(encodeURIComponent),
  ].join(':');
  const verificationMethod = options.keys.map((key, index) => {
    if (key.type !== 'Multikey' || !keyTypeOfMultibase(key.publicKeyMultibase)) {
      throw new PassportError(
        Codes.invalidKey,
        `Key ${index + 1} is not an Ed25519, P-256 or P-384 Multikey public key.`,
      );
    }
    return {
      id: methodId(did, key.id ?? `key-${index + 1}`),
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: key.publicKeyMultibase,
    };
  });
  const ids = verificationMethod.map((method) => method.id);
  return {
    '@context': [...DID_DOCUMENT_CONTEXTS],
    id: did,
    verificationMethod,
    assertionMethod: [...ids],
    authentication: [...ids],
  };
}

/**
 * The URL a did:web DID's document is served at (did:web spec §3.2): `did:web:example.com` ->
 * `https://example.com/.well-known/did.json`; `did:web:example.com:user:alice` ->
 * `https://example.com/user/alice/did.json`; `did:web:localhost%3A8443` -> `https://localhost:8443/...`.
 * Throws `PassportError` (`invalid-options`) for anything that is not a well-formed did:web DID.
 *
 * @example
 * didWebUrl('did:web:training.example.org:issuers:acme'); // 'https://training.example.org/issuers/acme/did.json'
 */
export function didWebUrl(did: string, options: { scheme?: 'https' | 'http' } = {}): string {
  const prefix = 'did:web:';
  if (!did.startsWith(prefix) || /[?#/]/.test(did)) {
    throw new PassportError(Codes.invalidOptions, `${did} is not a did:web DID.`);
  }
  const [encodedHost = '', ...segments] = did.slice(prefix.length).split(':');
  // Only the port separator may be encoded in the host; decoding anything else could smuggle in '/', '@' or '#'.
  const host = encodedHost.replace(/%3a/i, ':');
  if (!HOST_WITH_PORT.test(host)) {
    throw new PassportError(Codes.invalidOptions, `${did} does not name a valid host.`);
  }
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new PassportError(Codes.invalidOptions, `${did} has a malformed path segment.`);
    }
    // URL parsing treats an encoded '.' or '..' as a dot segment, so it could climb out of the DID's path.
    if (
      decoded === '' ||
      decoded === '.' ||
      decoded === '..' ||
      decoded.includes('/') ||
      decoded.includes('\\')
    ) {
      throw new PassportError(Codes.invalidOptions, `${did} has a path segment that is not allowed.`);
    }
  }
  const path = segments.length > 0 ? `/${segments.join('/')}/did.json` : '/.well-known/did.json';
  try {
    return new URL(`${options.scheme ?? 'https'}://${host.toLowerCase()}${path}`).href;
  } catch (error) {
    throw new PassportError(Codes.invalidOptions, `${did} does not map to a valid URL.`, error);
  }
}

function methodId(did: string, id: string): string {
  if (id.startsWith('did:')) return id;
  return `${did}#${id.replace(/^#/, '')}`;
}
