import { type Code, Codes } from '../codes.js';
import { createDidResolver } from '../dids/did-resolver.js';
import { createDocumentLoader, type DocumentLoader } from '../loader/document-loader.js';
import { createSafeFetch, type FetchLike, type SafeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';
import { issuerIdOf } from '../verify/format-check.js';
import type { JwtKeyResolver } from '../verify/jwt-credential.js';
import { type CheckResult, type Outcome, result } from '../verify/report.js';
import type { StatusChecker } from '../verify/status-check.js';
import { StatusListCache } from './status-list-cache.js';
import { loadStatusList, type StatusListOutcome } from './status-list-loader.js';

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
}

/** Status entry types we recognise but do not check; a credential carrying one is never reported "not revoked". */
const UNSUPPORTED_TYPES = new Set([
  'StatusList2021Entry',
  '1EdTechRevocationList',
  'RevocationList2020Status',
  'RevocationList2021Status',
  'CredentialStatusList2017',
]);

interface EntryOutcome {
  outcome: Outcome;
  code: Code;
  message: string;
}

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
 * The verifier's `status` check over W3C Bitstring Status Lists. For every `BitstringStatusListEntry` of a
 * credential (revocation and suspension alike) it fetches the list credential through the safe fetch, verifies its
 * proof, checks that its issuer is the credential's issuer, that it is the list the entry names with the same
 * purpose and that the index is inside it, then reads the bit. Lists are cached honouring `Cache-Control` and
 * ETags within `maxAgeSeconds`. Codes: `status-ok`, `revoked`, `suspended`, `status-list-unreachable` (warn, or
 * fail by policy), `status-list-invalid`, `status-type-unsupported` (warn: not checked, never "not revoked").
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
  const cache = new StatusListCache(cacheOptions);
  const unreachableOutcome: Outcome = options.unreachable === 'fail' ? 'fail' : 'warn';
  // Several credentials of one passport usually share a list: one fetch serves them all.
  const inFlight = new Map<string, Promise<StatusListOutcome>>();

  function load(url: string): Promise<StatusListOutcome> {
    let pending = inFlight.get(url);
    if (!pending) {
      pending = loadStatusList(url, { safeFetch, documentLoader, resolver, cache, now }).finally(() =>
        inFlight.delete(url),
      );
      inFlight.set(url, pending);
    }
    return pending;
  }

  async function checkEntry(entry: unknown, credentialIssuer: string | undefined): Promise<EntryOutcome> {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      return fail(Codes.statusListInvalid, 'The credential has a status entry that is not an object.');
    }
    const item = entry as Record<string, unknown>;
    const type = Array.isArray(item.type) ? item.type.map(String) : [String(item.type)];
    if (!type.includes('BitstringStatusListEntry')) {
      const known = type.find((name) => UNSUPPORTED_TYPES.has(name));
      return {
        outcome: 'warn',
        code: Codes.statusTypeUnsupported,
        message: `The status entry type ${known ?? type.join(', ')} is not supported, so this status was not checked.`,
      };
    }
    const purpose = item.statusPurpose;
    if (purpose !== 'revocation' && purpose !== 'suspension') {
      return {
        outcome: 'warn',
        code: Codes.statusTypeUnsupported,
        message: `The status purpose ${String(purpose)} is not checked (only revocation and suspension are).`,
      };
    }
    if (item.statusSize !== undefined && Number(item.statusSize) !== 1) {
      // Multi-bit statuses carry messages (statusMessage), not a yes/no we could report as revoked or not.
      return {
        outcome: 'warn',
        code: Codes.statusTypeUnsupported,
        message: `A status of ${String(item.statusSize)} bits is not checked (only single-bit revocation and suspension are).`,
      };
    }
    const index = indexOf(item.statusListIndex);
    const url = item.statusListCredential;
    if (index === undefined || typeof url !== 'string' || url === '') {
      return fail(
        Codes.statusListInvalid,
        'The status entry needs a statusListIndex (a whole number) and a statusListCredential URL.',
      );
    }
    const loaded = await load(url);
    if (loaded.kind === 'unreachable') {
      return {
        outcome: unreachableOutcome,
        code: Codes.statusListUnreachable,
        message: `The ${purpose} list could not be fetched, so the status is unknown: ${loaded.message}`,
      };
    }
    if (loaded.kind === 'invalid') return fail(Codes.statusListInvalid, loaded.message);
    const { list } = loaded;
    if (list.issuer !== credentialIssuer) {
      return fail(
        Codes.statusListInvalid,
        `The status list was issued by ${list.issuer}, not by the credential's issuer ${String(credentialIssuer)}.`,
      );
    }
    if (list.purpose !== purpose) {
      return fail(
        Codes.statusListInvalid,
        `The status list is for ${list.purpose}, but the entry says ${purpose}.`,
      );
    }
    if (list.validUntil !== undefined && list.validUntil < now().getTime()) {
      return fail(Codes.statusListInvalid, 'The status list credential has expired (validUntil has passed).');
    }
    if (index >= list.bits.length) {
      return fail(
        Codes.statusListInvalid,
        `The status index ${index} is outside the list (${list.bits.length} entries).`,
      );
    }
    if (list.bits.getStatus(index)) {
      return purpose === 'revocation'
        ? fail(Codes.revoked, 'The issuer has revoked this credential.')
        : fail(Codes.suspended, 'The issuer has suspended this credential.');
    }
    return {
      outcome: 'pass',
      code: Codes.statusOk,
      message: purpose === 'revocation' ? 'Not revoked.' : 'Not suspended.',
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
    const issuer = issuerIdOf(credential);
    const outcomes = await Promise.all(entries.map((entry) => checkEntry(entry, issuer)));
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

/** `statusListIndex` as the spec writes it (a string of digits); a plain number is read too. */
function indexOf(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

function fail(code: Code, message: string): EntryOutcome {
  return { outcome: 'fail', code, message };
}
