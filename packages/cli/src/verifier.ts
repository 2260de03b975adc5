import {
  createStatusChecker,
  createVerifier,
  PassportError,
  TrustRegistry,
  type Verify,
} from '@skills-passport/core';
import { CliCodes, CliError } from './cli-error.js';
import { hasConfig } from './data-dir.js';
import { readJsonFile } from './input-file.js';
import { openLocalIssuer } from './issuer-service.js';
import { createLocalFetch, type LocalSources } from './local-fetch.js';
import type { Session } from './session.js';

/** How the CLI verifies: which issuers it recognises and whether it may use the network. */
export interface CliVerifierOptions {
  /** Path of a trust registry JSON file (`TrustRegistry.from`). */
  trust?: string;
  /** Fail, rather than warn, for issuers outside the registry. */
  requireTrusted?: boolean;
  /**
   * No network at all: status lists and did:web documents not in the local store show as unreachable, and an
   * Open Badges 2.0 hosted assertion cannot be checked.
   */
  offline?: boolean;
  /** Follow OB 3.0 `refreshService` links and verify the issuer's current copy (off by default). */
  refresh?: boolean;
  /** Fetch `credentialSchema` schemas that are not bundled, and validate against them (off by default). */
  fetchSchemas?: boolean;
}

/**
 * The verifier every CLI command uses: core's verifier with status checking, where the local issuer's status
 * lists and did:web document come from the data directory and everything else from the network (safe fetch)
 * unless `--offline`.
 *
 * @example
 * const verify = await createCliVerifier(session, { offline: true });
 * const report = await verify(bytes, { challenge, domain });
 */
export async function createCliVerifier(session: Session, options: CliVerifierOptions): Promise<Verify> {
  const trustRegistry = options.trust ? await readTrustRegistry(session, options.trust) : undefined;
  const sources: LocalSources = {};
  if (await hasConfig(session.dataDir)) {
    const { service, config } = await openLocalIssuer(session);
    sources.service = service;
    sources.baseUrl = config.baseUrl;
    sources.issuers = await service.listIssuers();
  }
  const safeFetch = createLocalFetch(sources, {
    offline: options.offline === true,
    ...(session.io.fetch ? { network: session.io.fetch } : {}),
    ...(session.io.lookup ? { lookup: session.io.lookup } : {}),
  });
  const now = () => session.now();
  return createVerifier({
    ...(trustRegistry ? { trustRegistry } : {}),
    requireTrustedIssuer: options.requireTrusted === true,
    now,
    resolverOptions: { safeFetch },
    checkStatus: createStatusChecker({ safeFetch, now, unreachable: 'warn' }),
    refresh: options.refresh === true,
    allowSchemaFetch: options.fetchSchemas === true,
  });
}

async function readTrustRegistry(session: Session, path: string): Promise<TrustRegistry> {
  const document = await readJsonFile(session.io, path);
  try {
    return TrustRegistry.from(document);
  } catch (error) {
    if (error instanceof PassportError) {
      throw new CliError(CliCodes.inputUnreadable, `${path}: ${error.message}`);
    }
    throw error;
  }
}
