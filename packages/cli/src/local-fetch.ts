import {
  createSafeFetch,
  didWebUrl,
  type FetchLike,
  type HostLookup,
  type IssuerProfile,
  type IssuerService,
  type SafeFetch,
  SafeFetchError,
  type SafeResponse,
} from '@skills-passport/core';

/** What the local fetch can answer from the data directory without the network. */
export interface LocalSources {
  /** The local issuer service and the base URL its status lists are published under. */
  service?: IssuerService;
  baseUrl?: string;
  /** Local issuers: did:web documents are served from here. */
  issuers?: IssuerProfile[];
}

/**
 * The fetch verification uses from the CLI: status lists and did:web documents of the local issuer are served
 * from the data directory's store (so a provider can check its own credentials, and tests need no network);
 * everything else goes to the safe fetch over `network`, or is refused with `--offline`.
 *
 * @example
 * const safeFetch = createLocalFetch({ service, baseUrl, issuers }, { offline: true });
 * createVerifier({ resolverOptions: { safeFetch } });
 */
export function createLocalFetch(
  sources: LocalSources,
  options: { offline: boolean; network?: FetchLike; lookup?: HostLookup },
): SafeFetch {
  const remote = options.offline
    ? undefined
    : createSafeFetch({
        ...(options.network ? { fetch: options.network } : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
      });
  const didDocuments = new Map<string, object>();
  for (const issuer of sources.issuers ?? []) {
    if (issuer.did.startsWith('did:web:')) didDocuments.set(didWebUrl(issuer.did), issuer.didDocument);
  }
  const statusPrefix = sources.baseUrl ? `${sources.baseUrl.replace(/\/+$/, '')}/status/` : undefined;

  return async (url, init) => {
    const document = didDocuments.get(url);
    if (document) return jsonResponse(url, document);
    if (statusPrefix && sources.service && url.startsWith(statusPrefix)) {
      const listId = decodeURIComponent(url.slice(statusPrefix.length).split(/[?#]/)[0] ?? '');
      const list = await sources.service.statusListCredential(listId);
      if (list) return jsonResponse(url, list.credential);
    }
    if (!remote) {
      throw new SafeFetchError('fetch-failed', url, `Offline: ${url} was not fetched.`);
    }
    return remote(url, init);
  };
}

function jsonResponse(url: string, body: unknown): SafeResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    status: 200,
    headers: new Headers({
      'content-type': typeof body === 'string' ? 'application/vc+jwt' : 'application/json',
    }),
    url,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}
