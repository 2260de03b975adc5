import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { isLocalhostName, isPublicAddress } from './address-policy.js';
import { ADDRESS_NOT_ALLOWED, publicOnlyLookup } from './pinned-lookup.js';
import { SafeFetchError } from './safe-fetch-error.js';

/** The part of WHATWG `fetch` the safe fetch calls: always a GET with `redirect: 'manual'` and a signal. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Resolves a hostname to every address it has (an injected stand-in for `dns.lookup(host, { all: true })`). */
export type HostLookup = (hostname: string) => Promise<ReadonlyArray<{ address: string }>>;

export interface SafeFetchOptions {
  /**
   * The underlying fetch. Default: undici's fetch whose connections resolve the host again and refuse non-public
   * addresses, so a DNS answer that changes between the check and the connection (rebinding) is refused too.
   * Tests inject one; nothing else needs to (an injected fetch gets the check before each request only).
   */
  fetch?: FetchLike;
  /** Bound on the whole request: DNS, every redirect hop and reading the body (default 5000). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default 1 MiB). Reading stops as soon as it is passed. */
  maxBytes?: number;
  /** Allow plain `http:` URLs (default false). For local development and tests only. */
  allowHttp?: boolean;
  /** Allow loopback, private, link-local and other non-public addresses (default false). Tests only. */
  allowPrivateAddresses?: boolean;
  /** DNS lookup used to check where a hostname points (default node's `dns.lookup` with `all: true`). */
  lookup?: HostLookup;
  /** Redirects followed before giving up (default 3). Each hop is checked like the first URL. */
  maxRedirects?: number;
  /** The `Accept` header sent (default `application/json`); `init.headers` may override it per call. */
  accept?: string;
}

export interface SafeFetchInit {
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** The caller's own cancellation, combined with the timeout. */
  signal?: AbortSignal;
}

/** A response whose body has already been read within the size and time limits. */
export interface SafeResponse {
  status: number;
  headers: Headers;
  /** The final URL, after redirects. */
  url: string;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** A fetch that only reaches public https servers, within a time and size budget. */
export type SafeFetch = (url: string, init?: SafeFetchInit) => Promise<SafeResponse>;

/** The defaults `createSafeFetch` fills in. */
export const SAFE_FETCH_DEFAULTS = {
  timeoutMs: 5000,
  maxBytes: 1024 * 1024,
  allowHttp: false,
  allowPrivateAddresses: false,
  maxRedirects: 3,
  accept: 'application/json',
} as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const defaultLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Builds the fetch used for every outbound request the verifier makes (DID documents, status lists, OB 2.0
 * assertions). The URLs come from documents a stranger sent us, so it refuses anything but https, refuses
 * hosts that are or resolve to non-public addresses, follows redirects itself so each hop is checked again,
 * and bounds the total time and the body size. Failures throw `SafeFetchError` with a stable `code`.
 *
 * @example
 * const safeFetch = createSafeFetch({ timeoutMs: 3000 });
 * const response = await safeFetch('https://training.example.org/.well-known/did.json');
 * if (response.status === 200) console.log(await response.json());
 */
export function createSafeFetch(options: SafeFetchOptions = {}): SafeFetch {
  const timeoutMs = positiveNumber(options.timeoutMs, SAFE_FETCH_DEFAULTS.timeoutMs, 'timeoutMs');
  const maxBytes = positiveNumber(options.maxBytes, SAFE_FETCH_DEFAULTS.maxBytes, 'maxBytes');
  const maxRedirects = options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) {
    throw new PassportError(Codes.invalidOptions, 'maxRedirects must be a whole number of zero or more.');
  }
  const allowHttp = options.allowHttp ?? SAFE_FETCH_DEFAULTS.allowHttp;
  const allowPrivateAddresses = options.allowPrivateAddresses ?? SAFE_FETCH_DEFAULTS.allowPrivateAddresses;
  const lookup = options.lookup ?? defaultLookup;
  const accept = options.accept ?? SAFE_FETCH_DEFAULTS.accept;
  const fetchImpl: FetchLike = options.fetch ?? pinnedFetch(allowPrivateAddresses ? undefined : lookup);

  async function checkDestination(url: URL, signal: AbortSignal): Promise<void> {
    if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
      throw new SafeFetchError(
        Codes.fetchSchemeNotAllowed,
        url.href,
        `Only https URLs are fetched; ${url.protocol} was refused.`,
      );
    }
    if (allowPrivateAddresses) return;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isLocalhostName(host)) throw addressNotAllowed(url, host);
    if (isIP(host) !== 0) {
      if (!isPublicAddress(host)) throw addressNotAllowed(url, host);
      return;
    }
    let answers: ReadonlyArray<{ address: string }>;
    try {
      answers = await untilAborted(lookup(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new SafeFetchError(Codes.fetchFailed, url.href, `The host ${host} could not be resolved.`, {
        cause: error,
      });
    }
    if (answers.length === 0) {
      throw new SafeFetchError(Codes.fetchFailed, url.href, `The host ${host} has no address.`);
    }
    // Any one non-public answer refuses the host: the connection could use whichever address it likes.
    const refused = answers.find((answer) => !isPublicAddress(answer.address));
    if (refused) throw addressNotAllowed(url, `${host} (${refused.address})`);
  }

  return async function safeFetch(url: string, init: SafeFetchInit = {}): Promise<SafeResponse> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([timeout, init.signal]) : timeout;
    const headers = new Headers({ accept, ...init.headers });
    let current = parseUrl(url);
    try {
      for (let redirects = 0; ; redirects++) {
        await checkDestination(current, signal);
        const response = await untilAborted(
          fetchImpl(current.href, { method: 'GET', headers, redirect: 'manual', signal }),
          signal,
        );
        const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
        if (location === null) {
          const body = await readLimited(response, maxBytes, signal, current.href);
          return safeResponse(response, current.href, body);
        }
        discard(response);
        if (redirects >= maxRedirects) {
          throw new SafeFetchError(
            Codes.fetchTooManyRedirects,
            current.href,
            `More than ${maxRedirects} redirects starting from ${url}.`,
          );
        }
        current = parseUrl(location, current);
      }
    } catch (error) {
      if (error instanceof SafeFetchError) throw error;
      if ((error as { cause?: { code?: unknown } }).cause?.code === ADDRESS_NOT_ALLOWED) {
        throw addressNotAllowed(current, messageOf((error as { cause: unknown }).cause).split(',')[0]!);
      }
      if (timeout.aborted) {
        throw new SafeFetchError(
          Codes.fetchTimeout,
          current.href,
          `The request did not finish within ${timeoutMs} ms.`,
          { cause: error },
        );
      }
      throw new SafeFetchError(Codes.fetchFailed, current.href, `The request failed: ${messageOf(error)}`, {
        cause: error,
      });
    }
  };
}

/**
 * undici's fetch, with connections whose own DNS lookup refuses non-public addresses (`lookup` given), or plain
 * (private addresses allowed: tests and local development).
 */
function pinnedFetch(lookup: HostLookup | undefined): FetchLike {
  const dispatcher = lookup ? new Agent({ connect: { lookup: publicOnlyLookup(lookup) } }) : undefined;
  return (url, init) =>
    undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      ...(dispatcher ? { dispatcher } : {}),
    }) as unknown as Promise<Response>;
}

/** Reads the body as a stream, giving up as soon as it passes `maxBytes` or the signal fires. */
async function readLimited(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  url: string,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new SafeFetchError(Codes.fetchTooLarge, url, `The response is larger than ${maxBytes} bytes.`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    discard(response);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      // Raced against the signal because an injected body need not listen to it.
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function safeResponse(response: Response, url: string, body: Uint8Array): SafeResponse {
  const text = () => new TextDecoder().decode(body);
  return {
    status: response.status,
    headers: response.headers,
    url,
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
  };
}

/** Settles with the promise, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Releases a body we will not read (a redirect, or one already known to be too large). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function parseUrl(url: string, base?: URL): URL {
  try {
    return new URL(url, base);
  } catch (error) {
    throw new SafeFetchError(Codes.fetchFailed, url, `Not a valid URL: ${url}`, { cause: error });
  }
}

function addressNotAllowed(url: URL, what: string): SafeFetchError {
  return new SafeFetchError(
    Codes.fetchAddressNotAllowed,
    url.href,
    `${what} is not a public internet address, so it is not fetched.`,
  );
}

function positiveNumber(value: number | undefined, fallback: number, name: string): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) {
    throw new PassportError(Codes.invalidOptions, `${name} must be a positive number.`);
  }
  return chosen;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
