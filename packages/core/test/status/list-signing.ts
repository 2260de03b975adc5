// Test support: signs status lists through code paths that are not ours (@digitalbazaar/vc and
// jsonld-signatures with a loader written here, jose with the raw JWK), so the checker is tested against
// independently made lists.
import { gzipSync } from 'node:zlib';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { importJWK, SignJWT } from 'jose';
import jsigs from 'jsonld-signatures';
import { exportJwk, type PassportKeyPair } from '../../src/index.js';
import { independentLoader } from '../independent-loader.js';

export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const STATUS_LIST_2021_CONTEXT = 'https://w3id.org/vc/status-list/2021/v1';
export const BITSTRING_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';

async function suiteFor(key: PassportKeyPair) {
  const keyPair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  return new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
}

/** GZIP + base64url of a bitstring with the given bits set (bit 0 = most significant bit of byte 0). */
export function encodeBits(set: number[], options: { bytes?: number; multibase: boolean }): string {
  const bits = Buffer.alloc(options.bytes ?? 16384);
  for (const index of set) bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  const encoded = gzipSync(bits).toString('base64url');
  return options.multibase ? `u${encoded}` : encoded;
}

/** Signs a credential with @digitalbazaar/vc directly (eddsa-rdfc-2022). */
export async function signCredentialDi(credential: object, key: PassportKeyPair): Promise<object> {
  return vc.issue({ credential, suite: await suiteFor(key), documentLoader: independentLoader(key) });
}

/** Signs any JSON-LD document (not a credential) with jsonld-signatures directly, for assertion. */
export async function signDocumentDi(document: object, key: PassportKeyPair): Promise<object> {
  return jsigs.sign(structuredClone(document), {
    suite: await suiteFor(key),
    purpose: new vc.CredentialIssuancePurpose(),
    documentLoader: independentLoader(key),
  });
}

/** Signs `payload` as a compact JWT with jose directly (EdDSA, `kid` = the key id). */
export async function signJwt(
  payload: Record<string, unknown>,
  key: PassportKeyPair,
  typ = 'JWT',
): Promise<string> {
  const privateKey = await importJWK(await exportJwk(key, { includeSecret: true }), 'EdDSA');
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', typ, kid: key.id }).sign(privateKey);
}
