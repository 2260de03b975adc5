import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IssuerRecord } from '@skills-passport/store';
import type { Command } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { hasConfig, writeConfig } from '../data-dir.js';
import { type ProgramState, sessionAction } from '../session.js';
import { DEFAULT_BASE_URL } from './init.js';

/**
 * `keys export|import`: moves the issuer (profile and private keys) between data directories, e.g. from a
 * laptop to the server. The file holds private keys in clear: it is written with mode 0600.
 *
 * @example
 * registerKeys(program, state); // skills-passport keys export --out issuer-backup.json
 */
export function registerKeys(program: Command, state: ProgramState): void {
  const keys = program
    .command('keys')
    .description('export or import the issuer and its private keys (backup, moving to a server)')
    .addHelpText(
      'after',
      `
Examples:
  $ skills-passport keys export --out issuer-backup.json
  $ skills-passport --data-dir /srv/passport keys import issuer-backup.json --base-url https://passport.acme.example`,
    );

  keys
    .command('export')
    .description('write the current issuer with its private keys to a file (mode 0600)')
    .requiredOption('--out <file>', 'where to write the backup')
    .addHelpText('after', '\nExamples:\n  $ skills-passport keys export --out issuer-backup.json')
    .action(
      sessionAction(state, async (session, options: { out: string }) => {
        const config = await session.config();
        const record = await (await session.store()).getIssuer(config.issuerId);
        if (!record)
          throw new CliError(CliCodes.notInitialised, `Issuer ${config.issuerId} is not in the store.`);
        const file = resolve(session.io.cwd, options.out);
        await writeFile(
          file,
          `${JSON.stringify({ skillsPassportIssuer: 1, baseUrl: config.baseUrl, issuer: record }, null, 2)}\n`,
          {
            mode: 0o600,
          },
        );
        session.output.result(
          `Exported ${record.id} (${record.did}) to ${options.out}. Keep this file secret.`,
          {
            issuerId: record.id,
            did: record.did,
            out: options.out,
          },
        );
        return 0;
      }),
    );

  keys
    .command('import')
    .description('import an exported issuer into this data directory and make it the current issuer')
    .argument('<file>', 'file written by keys export')
    .option('--base-url <url>', 'public URL that serves status lists (default: the one in the file)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skills-passport keys import issuer-backup.json --base-url https://passport.acme.example',
    )
    .action(
      sessionAction(state, async (session, file: string, options: { baseUrl?: string }) => {
        let backup: { skillsPassportIssuer?: unknown; baseUrl?: string; issuer?: IssuerRecord };
        try {
          backup = JSON.parse(await readFile(resolve(session.io.cwd, file), 'utf8'));
        } catch (error) {
          throw new CliError(CliCodes.inputUnreadable, `Cannot read ${file}: ${(error as Error).message}`);
        }
        const issuer = backup.issuer;
        if (
          backup.skillsPassportIssuer !== 1 ||
          !issuer ||
          typeof issuer.id !== 'string' ||
          !Array.isArray(issuer.keys)
        ) {
          throw new CliError(CliCodes.inputUnreadable, `${file} is not a file written by \`keys export\`.`);
        }
        await (await session.store()).saveIssuer(issuer);
        const replaced = await hasConfig(session.dataDir);
        const baseUrl = options.baseUrl ?? backup.baseUrl ?? DEFAULT_BASE_URL;
        await writeConfig(session.dataDir, { issuerId: issuer.id, baseUrl });
        session.output.result(
          `Imported ${issuer.id} (${issuer.did})${replaced ? '; it is now the current issuer' : ''}.`,
          { issuerId: issuer.id, did: issuer.did, baseUrl },
        );
        return 0;
      }),
    );
}
