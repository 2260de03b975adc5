import type { SafeFetch } from '../net/safe-fetch.js';
import { SafeFetchError } from '../net/safe-fetch-error.js';
import { structureCheck } from '../verify/input.js';
import { type Json, objectOf } from './ob2-assertion.js';

/** A document fetched by URL: its JSON object, or why there is none (with the HTTP status when there was one). */
export type LinkedDocument =
  | { ok: true; status: number; document: Json }
  | { ok: false; status?: number; reason: string };

/** The documents one OB 2.0 verification follows: assertion, BadgeClass, issuer Profile, key, revocation list. */
export interface LinkedDocuments {
  get(url: string): Promise<LinkedDocument>;
  /** Every URL requested, in order, once each. */
  readonly requested: readonly string[];
}

/**
 * A per-verification view of the web through the safe fetch (https, public hosts, size and time limits): each URL
 * is fetched at most once, so an assertion whose badge, issuer and key share a document costs one request each.
 *
 * @example
 * const links = createLinkedDocuments(safeFetch);
 * const issuer = await links.get('https://vendor.example/issuer.json');
 * if (issuer.ok) console.log(issuer.document.name);
 */
export function createLinkedDocuments(safeFetch: SafeFetch): LinkedDocuments {
  const cache = new Map<string, Promise<LinkedDocument>>();
  const requested: string[] = [];
  return {
    requested,
    get(url) {
      let pending = cache.get(url);
      if (!pending) {
        requested.push(url);
        pending = load(safeFetch, url);
        cache.set(url, pending);
      }
      return pending;
    },
  };
}

async function load(safeFetch: SafeFetch, url: string): Promise<LinkedDocument> {
  try {
    const response = await safeFetch(url, { headers: { accept: 'application/ld+json, application/json' } });
    if (response.status !== 200) {
      return { ok: false, status: response.status, reason: `${url} answered HTTP ${response.status}.` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, status: response.status, reason: `${url} did not answer with JSON.` };
    }
    const document = objectOf(body);
    if (!document)
      return { ok: false, status: response.status, reason: `${url} did not answer with a JSON object.` };
    // A stranger's server chose this JSON: the same depth and size limits as any input.
    if (structureCheck(document))
      return {
        ok: false,
        status: response.status,
        reason: `${url} answered with JSON too deep or too large.`,
      };
    return { ok: true, status: response.status, document };
  } catch (error) {
    const reason =
      error instanceof SafeFetchError ? `${error.message} (${error.code})` : `${url} could not be fetched.`;
    return { ok: false, reason };
  }
}
