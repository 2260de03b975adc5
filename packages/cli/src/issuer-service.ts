import { createIssuerService, type IssuerProfile, type IssuerService } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import { CliCodes, CliError } from './cli-error.js';
import type { CliConfig } from './data-dir.js';
import type { Session } from './session.js';

/**
 * Core's issuer service over the data directory's store, with the session's clock.
 *
 * @example
 * const service = createLocalIssuerService(await session.store(), 'http://localhost:3000', session);
 */
export function createLocalIssuerService(
  store: IssuerStore,
  baseUrl: string,
  session: Session,
): IssuerService {
  return createIssuerService({ store, baseUrl, now: () => session.now() });
}

/** The local issuer, ready to issue or change status. */
export interface LocalIssuer {
  service: IssuerService;
  config: CliConfig;
  issuer: IssuerProfile;
}

/**
 * Opens the issuer `init` created (`not-initialised` when there is none).
 *
 * @example
 * const { service, issuer } = await openLocalIssuer(session);
 */
export async function openLocalIssuer(session: Session): Promise<LocalIssuer> {
  const config = await session.config();
  const service = createLocalIssuerService(await session.store(), config.baseUrl, session);
  const issuer = await service.getIssuer(config.issuerId);
  if (!issuer) {
    throw new CliError(
      CliCodes.notInitialised,
      `The issuer ${config.issuerId} named in ${session.dataDir}/config.json is not in the store; run init again.`,
    );
  }
  return { service, config, issuer };
}
