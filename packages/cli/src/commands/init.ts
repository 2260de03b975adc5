import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { didWebUrl } from '@skills-passport/core';
import { type Command, Option } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { hasConfig, writeConfig } from '../data-dir.js';
import { createLocalIssuerService } from '../issuer-service.js';
import { type ProgramState, sessionAction } from '../session.js';

interface InitOptions {
  name: string;
  url?: string;
  id?: string;
  keyType: 'Ed25519' | 'P-256';
  didWeb?: string;
  didWebPath?: string;
  baseUrl?: string;
  force?: boolean;
}

/** Default public URL of a local service (`skills-passport serve` / the server package) for did:key issuers. */
export const DEFAULT_BASE_URL = 'http://localhost:3000';

/**
 * `init`: creates the local issuer (profile and an encrypted signing key) in the data directory; did:key by
 * default, did:web with `--did-web <domain>` (and writes the did.json to publish).
 *
 * @example
 * registerInit(program, state); // skills-passport init --name "Acme Training"
 */
export function registerInit(program: Command, state: ProgramState): void {
  program
    .command('init')
    .description('create the local issuer profile and signing key')
    .requiredOption('--name <name>', 'organisation name shown on credentials')
    .option('--url <url>', "organisation's web site")
    .option('--id <id>', 'issuer id in the store (default: derived by the service)')
    .addOption(
      new Option('--key-type <type>', 'signing key type').choices(['Ed25519', 'P-256']).default('Ed25519'),
    )
    .option('--did-web <domain>', 'use did:web:<domain> instead of did:key (writes did.json to publish)')
    .option('--did-web-path <path>', 'path of the did:web DID on its host, e.g. issuers/acme')
    .option(
      '--base-url <url>',
      'public URL that serves status lists (default https://<domain> or http://localhost:3000)',
    )
    .option(
      '--force',
      'create a new issuer even if this data directory has one (it becomes the current issuer)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ skills-passport init --name "Acme Training"
  $ skills-passport init --name "Acme Training" --did-web training.acme.example --url https://acme.example
  $ SKILLS_PASSPORT_HOME=/srv/passport skills-passport init --name "Acme" --base-url https://passport.acme.example`,
    )
    .action(
      sessionAction(state, async (session, options: InitOptions) => {
        if (!options.force && (await hasConfig(session.dataDir))) {
          throw new CliError(
            CliCodes.alreadyInitialised,
            `${session.dataDir} already has an issuer; use --force to create another one.`,
          );
        }
        const baseUrl = (
          options.baseUrl ?? (options.didWeb ? `https://${options.didWeb}` : DEFAULT_BASE_URL)
        ).replace(/\/+$/, '');
        const service = createLocalIssuerService(await session.store(), baseUrl, session);
        const issuer = await service.createIssuer({
          ...(options.id ? { id: options.id } : {}),
          name: options.name,
          ...(options.url ? { url: options.url } : {}),
          keyType: options.keyType,
          ...(options.didWeb
            ? {
                didWeb: {
                  domain: options.didWeb,
                  ...(options.didWebPath ? { path: options.didWebPath } : {}),
                },
              }
            : {}),
        });
        await writeConfig(session.dataDir, { issuerId: issuer.id, baseUrl });
        let didFile: string | undefined;
        if (options.didWeb) {
          didFile = join(session.dataDir, 'did.json');
          await writeFile(didFile, `${JSON.stringify(issuer.didDocument, null, 2)}\n`);
        }
        const publishAt = didFile ? didWebUrl(issuer.did) : undefined;
        session.output.result(
          [
            `Issuer ready: ${issuer.name}`,
            `  id        ${issuer.id}`,
            `  DID       ${issuer.did}`,
            `  data dir  ${session.dataDir}`,
            `  status    ${baseUrl}/status/<list>`,
            ...(didFile ? [`Publish ${didFile} at ${publishAt}`] : []),
          ],
          {
            issuerId: issuer.id,
            name: issuer.name,
            did: issuer.did,
            dataDir: session.dataDir,
            baseUrl,
            didDocumentFile: didFile,
            publishAt,
          },
        );
        return 0;
      }),
    );
}
