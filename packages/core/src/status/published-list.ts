import type { DocumentLoader } from '../loader/document-loader.js';
import type { SafeFetch } from '../net/safe-fetch.js';
import { messageOfError } from '../verify/error-code.js';
import { issuerIdOf } from '../verify/format-check.js';
import { credentialOfJwt, jwtClaimsConflict } from '../verify/jwt-claims.js';
import { checkJwtSignature, decodeJwt, type JwtKeyResolver } from '../verify/jwt-credential.js';
import { checkDataIntegrityProof } from '../verify/proof-data-integrity.js';
import { freshnessOf, type StatusListCache } from './status-list-cache.js';

/** What loading one published list came to: the verified list, or why there is none. */
export type ListOutcome<T> =
  | { kind: 'ok'; list: T }
  /** The list could not be fetched (network, timeout, HTTP error): its status is unknown, not bad. */
  | { kind: 'unreachable'; message: string }
  /** The list was fetched but cannot be trusted or read (proof, type, encoding, id). */
  | { kind: 'invalid'; message: string };

/** How a list's body was authenticated before it was read. */
export type ListSignature = 'data-integrity' | 'jwt' | 'unsigned';

/** One kind of published status list: how to ask for it and how to read it once its signature is checked. */
export interface ListReader<T> {
  /** Names the kind of list; also keeps kinds apart in the cache, so one URL read as two kinds is two entries. */
  kind: string;
  /** The `Accept` header sent. */
  accept: string;
  /** Whether a JSON body without a proof is read at all (1EdTech revocation lists may be plain JSON). */
  allowUnsigned: boolean;
  /** The checks on a body whose signature (if any) is good: it is the list at this URL, readable, of this kind. */
  read(document: Record<string, unknown>, url: string, signature: ListSignature): ListOutcome<T>;
}

export interface PublishedListDeps {
  safeFetch: SafeFetch;
  documentLoader: DocumentLoader;
  resolver: JwtKeyResolver;
  /** Holds every kind of list, under `listKey(url, reader)`. */
  cache: StatusListCache<unknown>;
  now: () => Date;
}

/**
 * Fetches a published list through the safe fetch, verifies it (a Data Integrity proof, or a JWT signature, by
 * its issuer's key; a plain JSON body only when the reader allows it) and reads it with `reader`. Verified lists
 * are cached per the response's `Cache-Control` (capped by the cache's maximum age) and revalidated with their
 * ETag. Never throws: a failure is an `unreachable` or `invalid` outcome.
 *
 * @example
 * const outcome = await loadPublishedList(url, revocationListReader, deps);
 * if (outcome.kind === 'ok') outcome.list.revoked.has(credentialId);
 */
export async function loadPublishedList<T>(
  url: string,
  reader: ListReader<T>,
  deps: PublishedListDeps,
): Promise<ListOutcome<T>> {
  const key = listKey(url, reader);
  // The key names the kind, so what is cached under it was read by this reader.
  const cached = deps.cache.get(key) as
    | { list: T; etag: string | undefined; fresh(now: number): boolean }
    | undefined;
  const nowMs = deps.now().getTime();
  if (cached?.fresh(nowMs)) return { kind: 'ok', list: cached.list };
  const headers: Record<string, string> = { accept: reader.accept };
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
      deps.cache.set(key, cached.list, {
        etag: etag ?? cached.etag,
        freshSeconds: freshness.seconds,
        now: nowMs,
      });
    }
    return { kind: 'ok', list: cached.list };
  }
  if (status !== 200) return { kind: 'unreachable', message: `${url} answered HTTP ${status}.` };
  const outcome = await verifyListText(text, url, reader, deps);
  if (outcome.kind === 'ok' && freshness.store) {
    deps.cache.set(key, outcome.list, { etag, freshSeconds: freshness.seconds, now: nowMs });
  } else {
    deps.cache.delete(key);
  }
  return outcome;
}

/** The cache and in-flight key of a list: its kind and URL, so one URL read as two kinds is two entries. */
export function listKey(url: string, reader: ListReader<unknown>): string {
  return `${reader.kind} ${url}`;
}

/** Verifies a list body: JSON with a Data Integrity proof (or none, when allowed), or a compact JWT. */
async function verifyListText<T>(
  text: string,
  url: string,
  reader: ListReader<T>,
  deps: PublishedListDeps,
): Promise<ListOutcome<T>> {
  const body = text.trim();
  if (body.startsWith('{')) {
    let document: unknown;
    try {
      document = JSON.parse(body);
    } catch {
      return invalidList(`${url} did not return valid JSON.`);
    }
    if (!document || typeof document !== 'object' || Array.isArray(document)) {
      return invalidList(`${url} did not return a JSON object.`);
    }
    const object = document as Record<string, unknown>;
    if (object.proof === undefined && reader.allowUnsigned) return reader.read(object, url, 'unsigned');
    const proof = await checkDataIntegrityProof(object, deps.documentLoader);
    if (proof.check.outcome !== 'pass') {
      return invalidList(
        `The ${reader.kind}'s proof does not verify (${proof.check.code}): ${proof.check.message}`,
      );
    }
    return reader.read(object, url, 'data-integrity');
  }
  const decoded = decodeJwt(body, 'vc');
  if ('check' in decoded) return invalidList(`${url} returned neither a JSON document nor a JWT.`);
  const credential = credentialOfJwt(decoded);
  const issuer = issuerIdOf(credential) ?? stringOf(decoded.payload.iss);
  const signature = await checkJwtSignature(body, decoded, issuer, deps.resolver, 'assertionMethod');
  if (signature.outcome !== 'pass') {
    return invalidList(
      `The ${reader.kind}'s JWT signature does not verify (${signature.code}): ${signature.message}`,
    );
  }
  const conflict = jwtClaimsConflict(decoded, issuer);
  if (conflict) return invalidList(conflict);
  // A JWT whose document names no issuer was signed by `iss`: that is the list's issuer.
  const document =
    issuerIdOf(credential) === undefined && issuer !== undefined ? { ...credential, issuer } : credential;
  return reader.read(document, url, 'jwt');
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A list that was fetched but cannot be trusted or read, and why. */
export function invalidList<T>(message: string): ListOutcome<T> {
  return { kind: 'invalid', message };
}
