import { type Code, Codes } from '../codes.js';
import { createDidResolver } from '../dids/did-resolver.js';
import { createDocumentLoader, type DocumentLoader } from '../loader/document-loader.js';
import { createSafeFetch, type FetchLike, type SafeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';
import { issuerIdOf } from '../verify/format-check.js';
import type { JwtKeyResolver } from '../verify/jwt-credential.js';
import { type CheckResult, type Outcome, result } from '../verify/report.js';
import type { StatusChecker } from '../verify/status-check.js';
import { type EntryCheckContext, type EntryOutcome, failed } from './entry-outcome.js';
import { type ListOutcome, type ListReader, listKey, loadPublishedList } from './published-list.js';
import { check1EdTechRevocationEntry, REVOCATION_LIST_1EDTECH_TYPE } from './revocation-list-1edtech.js';
import { StatusListCache } from './status-list-cache.js';
import { checkStatusListEntry } from './status-list-entry-check.js';
import { statusListFormatOf } from './status-list-format.js';

export interface StatusCheckerOptions {
  /** The fetch for status lists (default: a safe fetch built from `fetchOptions`: https, public hosts only). */
  safeFetch?: SafeFetch;
  /** Options of the default safe fetch (injected `fetch`, timeouts, size limit). */
  fetchOptions?: SafeFetchOptions;
  /** Shorthand for `fetchOptions.fetch`: the underlying fetch the default safe fetch calls. */
  fetch?: FetchLike;
  /** Resolves the list issuer's keys (default: did:key offline and did:web over the same safe fetch). */
  resolver?: JwtKeyResolver & { resolve(did: string): Promise<object> };
  /** Offline JSON-LD loader for the lists' Data Integrity proofs (default: bundled contexts plus `resolver`). */
  documentLoader?: DocumentLoader;
  /** Longest time a fetched list is used before asking again, in seconds (default 300); `Cache-Control` may shorten it. */
  maxAgeSeconds?: number;
  /** Most lists kept in memory (default 1,000; 0 = no caching). */
  maxEntries?: number;
  /** What a list that cannot be fetched means: `warn` (default: status unknown, not failed) or `fail`. */
  unreachable?: 'warn' | 'fail';
  /** The clock (list `validUntil` and cache freshness). */
  now?: () => Date;
  /**
   * Fewest entries a Bitstring Status List may have (default 131,072, the spec's minimum for herd privacy): a
   * shorter list is `status-list-invalid`, as the spec's STATUS_LIST_LENGTH_ERROR. Lower it only for tests.
   */
  minimumListBits?: number;
}

/** The Bitstring Status List spec's minimum length: a smaller list would reveal whose credential is checked. */
export const MINIMUM_STATUS_LIST_BITS = 131_072;

/** Status entry types we recognise but do not check; a credential carrying one is never reported "not revoked". */
const UNSUPPORTED_TYPES = new Set([
  'RevocationList2020Status',
  'RevocationList2021Status',
  'CredentialStatusList2017',
]);

/** Worst first: the combined answer for several entries is the first of these that any entry gave. */
const SEVERITY: Code[] = [
  Codes.revoked,
  Codes.suspended,
  Codes.statusListInvalid,
  Codes.statusListUnreachable,
  Codes.statusTypeUnsupported,
  Codes.statusOk,
];

/**
 * The verifier's `status` check over the three status methods an Open Badges 3.0 credential may use:
 * `BitstringStatusListEntry` (W3C Bitstring Status List, revocation and suspension), `StatusList2021Entry` (its
 * VC 1.1-era predecessor) and `1EdTechRevocationList` (a list of revoked credential ids). Each list is fetched
 * through the safe fetch, verified (Data Integrity proof or JWT signature; a 1EdTech list may also be plain JSON)
 * and must come from the credential's issuer. Lists are cached honouring `Cache-Control` and ETags within
 * `maxAgeSeconds`, and one fetch serves every concurrent check of the same list. Codes: `status-ok`, `revoked`,
 * `suspended`, `status-list-unreachable` (warn, or fail by policy), `status-list-invalid`,
 * `status-type-unsupported` (warn: not checked, never "not revoked").
 *
 * @example
 * const verify = createVerifier({
 *   checkStatus: createStatusChecker({ maxAgeSeconds: 60, unreachable: 'fail' }),
 * });
 */
export function createStatusChecker(options: StatusCheckerOptions = {}): StatusChecker {
  const safeFetch =
    options.safeFetch ??
    createSafeFetch({ ...options.fetchOptions, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const resolver = options.resolver ?? createDidResolver({ safeFetch });
  const documentLoader = options.documentLoader ?? createDocumentLoader({ resolver });
  const now = options.now ?? (() => new Date());
  const cacheOptions: { maxAgeSeconds?: number; maxEntries?: number } = {};
  if (options.maxAgeSeconds !== undefined) cacheOptions.maxAgeSeconds = options.maxAgeSeconds;
  if (options.maxEntries !== undefined) cacheOptions.maxEntries = options.maxEntries;
  // One cache for every kind of list; the loader's keys name the kind.
  const cache = new StatusListCache<unknown>(cacheOptions);
  const unreachableOutcome: Outcome = options.unreachable === 'fail' ? 'fail' : 'warn';
  // Several credentials of one passport usually share a list: one fetch serves them all.
  const inFlight = new Map<string, Promise<ListOutcome<unknown>>>();

  function load<T>(url: string, reader: ListReader<T>): Promise<ListOutcome<T>> {
    const key = listKey(url, reader);
    let pending = inFlight.get(key) as Promise<ListOutcome<T>> | undefined;
    if (!pending) {
      pending = loadPublishedList(url, reader, { safeFetch, documentLoader, resolver, cache, now }).finally(
        () => inFlight.delete(key),
      );
      inFlight.set(key, pending);
    }
    return pending;
  }

  async function checkEntry(entry: unknown, context: EntryCheckContext): Promise<EntryOutcome> {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      return failed(Codes.statusListInvalid, 'The credential has a status entry that is not an object.');
    }
    const item = entry as Record<string, unknown>;
    const types = (Array.isArray(item.type) ? item.type : [item.type]).map(String);
    const format = statusListFormatOf(types);
    if (format) return checkStatusListEntry(item, format, context);
    if (types.includes(REVOCATION_LIST_1EDTECH_TYPE)) return check1EdTechRevocationEntry(item, context);
    const known = types.find((name) => UNSUPPORTED_TYPES.has(name));
    return {
      outcome: 'warn',
      code: Codes.statusTypeUnsupported,
      message: `The status entry type ${known ?? types.join(', ')} is not supported, so this status was not checked.`,
    };
  }

  return async function checkStatus(credential): Promise<CheckResult> {
    const status = credential.credentialStatus;
    if (status === undefined) {
      return result(
        'status',
        'skip',
        Codes.statusNone,
        'The credential has no status entry (it cannot be revoked).',
      );
    }
    const entries = Array.isArray(status) ? status : [status];
    if (entries.length === 0) {
      return result(
        'status',
        'skip',
        Codes.statusNone,
        'The credential has no status entry (it cannot be revoked).',
      );
    }
    const context: EntryCheckContext = {
      load,
      credential,
      credentialIssuer: issuerIdOf(credential),
      unreachableOutcome,
      now,
      minimumListBits: options.minimumListBits ?? MINIMUM_STATUS_LIST_BITS,
    };
    const outcomes = await Promise.all(entries.map((entry) => checkEntry(entry, context)));
    return combine(outcomes);
  };
}

/** One answer for all entries: the worst code wins; the other problems are named after it. */
function combine(outcomes: EntryOutcome[]): CheckResult {
  const sorted = [...outcomes].sort((a, b) => SEVERITY.indexOf(a.code) - SEVERITY.indexOf(b.code));
  const worst = sorted[0] as EntryOutcome;
  if (worst.code === Codes.statusOk) {
    const message = sorted.map((item) => item.message).join(' ');
    return result('status', 'pass', Codes.statusOk, message);
  }
  const others = sorted
    .slice(1)
    .filter((item) => item.code !== Codes.statusOk && item.message !== worst.message);
  const message =
    others.length > 0
      ? `${worst.message} Also: ${others.map((item) => item.message).join(' ')}`
      : worst.message;
  return result('status', worst.outcome, worst.code, message);
}
