import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import type { LinkedDocuments } from './linked-documents.js';
import { type Json, objectOf, stringOf } from './ob2-assertion.js';

/** A public key an issuer signs OB 2.0 assertions with: its id and PEM (SPKI) text. */
export interface IssuerKey {
  id: string;
  publicKeyPem: string;
}

/**
 * The keys that may have signed an assertion: the one its `verification.creator` names, else every key in the
 * issuer Profile's `publicKey`. Each CryptographicKey is taken from the profile when embedded there, else fetched
 * by its URL, and its `owner` must link back to the issuer profile (`ob2-key-owner-mismatch`): a key document
 * anyone can publish proves nothing until the issuer claims it.
 *
 * @example
 * const keys = await issuerKeysOf(assertion, issuer, links);
 * if ('check' in keys) console.log(keys.check.code); // e.g. 'ob2-key-owner-mismatch'
 */
export async function issuerKeysOf(
  assertion: Json,
  issuer: Json,
  links: LinkedDocuments,
): Promise<{ keys: IssuerKey[] } | { check: CheckResult }> {
  const listed = (Array.isArray(issuer.publicKey) ? issuer.publicKey : [issuer.publicKey]).filter(
    (entry) => entry !== undefined,
  );
  const creator = stringOf(objectOf(assertion.verification)?.creator);
  const wanted: unknown[] = creator ? [creator] : listed;
  if (wanted.length === 0) {
    return {
      check: fail(
        Codes.keyNotFound,
        'The issuer profile lists no publicKey and the assertion names no creator key.',
      ),
    };
  }
  const keys: IssuerKey[] = [];
  for (const entry of wanted) {
    const key = await keyDocument(entry, listed, links);
    if ('check' in key) return key;
    if (key.document.owner !== issuer.id) {
      return {
        check: fail(
          Codes.ob2KeyOwnerMismatch,
          `The key ${String(key.document.id ?? entry)} is owned by ${String(key.document.owner)}, not by the issuer ${String(issuer.id)}.`,
        ),
      };
    }
    const pem = stringOf(key.document.publicKeyPem);
    if (!pem)
      return {
        check: fail(Codes.ob2KeyUnreachable, `The key ${String(key.document.id)} has no publicKeyPem.`),
      };
    keys.push({ id: String(key.document.id ?? entry), publicKeyPem: pem });
  }
  return { keys };
}

/** An embedded CryptographicKey, the profile's embedded copy of a key named by URL, or the fetched key. */
async function keyDocument(
  entry: unknown,
  listed: unknown[],
  links: LinkedDocuments,
): Promise<{ document: Json } | { check: CheckResult }> {
  const embedded = objectOf(entry);
  if (embedded) return { document: embedded };
  const url = stringOf(entry);
  if (!url)
    return {
      check: fail(Codes.ob2KeyUnreachable, 'The issuer lists a publicKey that is neither a URL nor a key.'),
    };
  const inProfile = listed.map(objectOf).find((key) => key?.id === url);
  if (inProfile) return { document: inProfile };
  const fetched = await links.get(url);
  if (!fetched.ok)
    return {
      check: fail(Codes.ob2KeyUnreachable, `The signing key could not be fetched: ${fetched.reason}`),
    };
  if (fetched.document.id !== url) {
    return {
      check: fail(
        Codes.ob2IdMismatch,
        `The key at ${url} names another id (${String(fetched.document.id)}).`,
      ),
    };
  }
  return { document: fetched.document };
}

function fail(code: CheckResult['code'], message: string): CheckResult {
  return result('proof', 'fail', code, message);
}
