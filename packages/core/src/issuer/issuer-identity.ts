import { type DIDDocument, Resolver } from 'did-resolver';
import { Codes } from '../codes.js';
import { getDidKeyResolver } from '../dids/did-key-driver.js';
import { createDidWebDocument } from '../dids/did-web-document.js';
import { PassportError } from '../errors.js';
import { generateKey } from '../keys/generate-key.js';
import { exportJwk, exportMultikey, importMultikey } from '../keys/key-export.js';
import type { KeyType, PassportKeyPair } from '../keys/key-pair.js';
import type { IssuerKeyRecordShape } from './issuer-state-store.js';

/** Where a did:web issuer lives: `did:web:<domain>[:<path segments>]`. */
export interface DidWebLocation {
  domain: string;
  path?: string;
}

/** The fragment of the one signing key a did:web issuer gets (`did:web:example.org#key-1`). */
const DID_WEB_KEY_FRAGMENT = 'key-1';

/**
 * A fresh signing key and the DID it belongs to: its own did:key, or a did:web at `didWeb` whose document lists
 * the key (as `#key-1`) for assertion and authentication.
 *
 * @example
 * const { key, didDocument } = await createIssuerIdentity({ keyType: 'Ed25519', didWeb: { domain: 'acme.example' } });
 * key.controller; // 'did:web:acme.example'
 */
export async function createIssuerIdentity(options: {
  keyType?: KeyType;
  didWeb?: DidWebLocation;
}): Promise<{ key: PassportKeyPair; didDocument: DIDDocument }> {
  const generated = await generateKey({ type: options.keyType ?? 'Ed25519' });
  if (!options.didWeb) return { key: generated, didDocument: await didDocumentOf(generated) };
  const didDocument = didWebDocumentFor(options.didWeb, generated.publicKeyMultibase);
  const key = { ...generated, controller: didDocument.id, id: `${didDocument.id}#${DID_WEB_KEY_FRAGMENT}` };
  return { key, didDocument };
}

/**
 * The DID document of an issuer's key: computed from the key for did:key, rebuilt from the DID for did:web.
 *
 * @example
 * const document = await didDocumentOf(key); // document.id === key.controller
 */
export async function didDocumentOf(key: PassportKeyPair): Promise<DIDDocument> {
  const did = key.controller;
  if (did.startsWith('did:key:')) {
    const resolved = await new Resolver(getDidKeyResolver()).resolve(did);
    if (!resolved.didDocument) {
      throw new PassportError(Codes.invalidKey, `${did} does not resolve to a DID document.`);
    }
    return resolved.didDocument;
  }
  if (did.startsWith('did:web:')) {
    const [host = '', ...segments] = did.slice('did:web:'.length).split(':');
    const location: DidWebLocation = { domain: host.replace(/%3a/i, ':') };
    if (segments.length > 0) location.path = segments.map(decodeURIComponent).join('/');
    return didWebDocumentFor(location, key.publicKeyMultibase, key.id);
  }
  throw new PassportError(Codes.invalidKey, `The issuer DID ${did} is neither did:key nor did:web.`);
}

function didWebDocumentFor(
  location: DidWebLocation,
  publicKeyMultibase: string,
  keyId?: string,
): DIDDocument {
  return createDidWebDocument({
    domain: location.domain,
    ...(location.path ? { path: location.path } : {}),
    keys: [{ id: keyId ?? DID_WEB_KEY_FRAGMENT, type: 'Multikey', publicKeyMultibase }],
  });
}

/**
 * The store's record of a key: the public JWK in clear, the Multikey with its secret part as the (encrypted) secret.
 *
 * @example
 * await store.saveIssuer({ id, name, did, profile, keys: [await keyRecordOf(key)] });
 */
export async function keyRecordOf(key: PassportKeyPair): Promise<IssuerKeyRecordShape> {
  return {
    id: key.id,
    type: key.type,
    publicJwk: await exportJwk(key),
    secret: exportMultikey(key, { includeSecret: true }) as unknown as Record<string, unknown>,
  };
}

/**
 * The signing key back from its store record.
 *
 * @example
 * const key = await keyOfRecord(issuer.keys[0]);
 */
export async function keyOfRecord(record: IssuerKeyRecordShape): Promise<PassportKeyPair> {
  return importMultikey(record.secret);
}
