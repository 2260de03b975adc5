import type { DocumentLoader } from '../loader/document-loader.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import { messageOfError } from '../verify/error-code.js';
import { issuerIdOf, typesOf } from '../verify/format-check.js';
import {
  checkJwtSignature,
  decodeJwt,
  type JwtKeyResolver,
  jwtClaimsConflict,
} from '../verify/jwt-credential.js';
import { checkDataIntegrityProof } from '../verify/proof-data-integrity.js';
import { decodeStatusList } from './encoded-list.js';
import { freshnessOf, type StatusListCache, type VerifiedStatusList } from './status-list-cache.js';

/** What loading one status list came to: a verified list, or why there is none. */
export type StatusListOutcome =
  | { kind: 'ok'; list: VerifiedStatusList }
  /** The list could not be fetched (network, timeout, HTTP error): its status is unknown, not bad. */
  | { kind: 'unreachable'; message: string }
  /** The list was fetched but cannot be trusted or read (proof, type, encoding, id). */
  | { kind: 'invalid'; message: string };

export interface StatusListLoaderDeps {
  safeFetch: SafeFetch;
  documentLoader: DocumentLoader;
  resolver: JwtKeyResolver;
  cache: StatusListCache;
  now: () => Date;
}

const ACCEPT = 'application/vc+ld+json, application/vc+jwt, application/vc, application/json;q=0.9';

/**
 * Fetches a status list credential through the safe fetch, verifies it (Data Integrity proof, or a VC-JOSE JWT
 * signature, by its issuer's key), checks it is the list it claims to be, and decodes its bits. Verified lists are
 * cached per the response's `Cache-Control` (capped by the cache's maximum age) and revalidated with its ETag.
 *
 * @example
 * const outcome = await loadStatusList('https://passport.example.org/status/Zq3f', deps);
 * if (outcome.kind === 'ok') outcome.list.bits.getStatus(94567);
 */
export async function loadStatusList(url: string, deps: StatusListLoaderDeps): Promise<StatusListOutcome> {
  const cached = deps.cache.get(url);
  const nowMs = deps.now().getTime();
  if (cached?.fresh(nowMs)) return { kind: 'ok', list: cached.list };
  const headers: Record<string, string> = { accept: ACCEPT };
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  let status: number;
  let responseHeaders: Headers;
  let text: string;
  try {
    const response = await deps.safeFetch(url, { headers });
    status = response.status;
    responseHeaders = response.headers;
    text = status === 200 ? await response.text() : '';
  } catch (error) {
    return { kind: 'unreachable', message: `${url} could not be fetched: ${messageOfError(error)}` };
  }
  const freshness = freshnessOf(responseHeaders, deps.cache.maxAgeSeconds);
  const etag = responseHeaders.get('etag') ?? undefined;
  if (status === 304 && cached) {
    if (freshness.store) {
      deps.cache.set(url, cached.list, {
        etag: etag ?? cached.etag,
        freshSeconds: freshness.seconds,
        now: nowMs,
      });
    }
    return { kind: 'ok', list: cached.list };
  }
  if (status !== 200) return { kind: 'unreachable', message: `${url} answered HTTP ${status}.` };
  const outcome = await verifyStatusListText(text, url, deps);
  if (outcome.kind === 'ok' && freshness.store) {
    deps.cache.set(url, outcome.list, { etag, freshSeconds: freshness.seconds, now: nowMs });
  } else {
    deps.cache.delete(url);
  }
  return outcome;
}

/** Verifies the body of a status list response: a JSON-LD credential with a Data Integrity proof, or a JWT. */
async function verifyStatusListText(
  text: string,
  url: string,
  deps: StatusListLoaderDeps,
): Promise<StatusListOutcome> {
  const body = text.trim();
  let document: Record<string, unknown>;
  if (body.startsWith('{')) {
    try {
      document = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return invalid(`${url} did not return valid JSON.`);
    }
    if (!document || typeof document !== 'object' || Array.isArray(document)) {
      return invalid(`${url} did not return a credential.`);
    }
    const proof = await checkDataIntegrityProof(document, deps.documentLoader);
    if (proof.check.outcome !== 'pass') {
      return invalid(`The status list's proof does not verify (${proof.check.code}): ${proof.check.message}`);
    }
  } else {
    const decoded = decodeJwt(body, 'vc');
    if ('check' in decoded) return invalid(`${url} returned neither a JSON credential nor a JWT.`);
    document = decoded.document;
    const issuer = issuerIdOf(document);
    const signature = await checkJwtSignature(body, decoded, issuer, deps.resolver, 'assertionMethod');
    if (signature.outcome !== 'pass') {
      return invalid(
        `The status list's JWT signature does not verify (${signature.code}): ${signature.message}`,
      );
    }
    const conflict = jwtClaimsConflict(decoded, issuer);
    if (conflict) return invalid(conflict);
  }
  return readStatusList(document, url);
}

/** The checks on a list whose signature is good: it is the list at this URL, of the right type, decodable. */
function readStatusList(document: Record<string, unknown>, url: string): StatusListOutcome {
  // A list signed for another URL (another of the issuer's lists, say) must not stand in for this one.
  if (document.id !== url) {
    return invalid(
      `The status list's id (${String(document.id)}) is not the URL it was fetched from (${url}).`,
    );
  }
  if (!typesOf(document).includes('BitstringStatusListCredential')) {
    return invalid('The status list is not a BitstringStatusListCredential.');
  }
  const issuer = issuerIdOf(document);
  if (!issuer) return invalid('The status list names no issuer.');
  const subject = document.credentialSubject as Record<string, unknown> | undefined;
  if (!subject || typeof subject !== 'object' || Array.isArray(subject)) {
    return invalid('The status list has no credentialSubject.');
  }
  const subjectTypes = Array.isArray(subject.type) ? subject.type : [subject.type];
  if (!subjectTypes.includes('BitstringStatusList')) {
    return invalid('The status list subject is not a BitstringStatusList.');
  }
  if (typeof subject.statusPurpose !== 'string' || typeof subject.encodedList !== 'string') {
    return invalid('The status list has no statusPurpose or encodedList.');
  }
  let bits: VerifiedStatusList['bits'];
  try {
    bits = decodeStatusList(subject.encodedList);
  } catch (error) {
    return invalid(`The status list's encodedList cannot be decoded: ${messageOfError(error)}`);
  }
  const list: VerifiedStatusList = { url, issuer, purpose: subject.statusPurpose, bits };
  const validUntil = Date.parse(String(document.validUntil ?? ''));
  if (!Number.isNaN(validUntil)) list.validUntil = validUntil;
  return { kind: 'ok', list };
}

function invalid(message: string): StatusListOutcome {
  return { kind: 'invalid', message };
}
