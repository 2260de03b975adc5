import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { credentialDocument } from '../credential-document.js';
import { readCredentialFile } from '../input-file.js';
import { openLocalIssuer } from '../issuer-service.js';
import { type ProgramState, sessionAction } from '../session.js';
import { stateText } from './status-change.js';

/**
 * `status <credential-id|file>`: the local issuer's record of a credential (active, revoked, suspended).
 *
 * @example
 * registerStatus(program, state); // skills-passport status alice.json
 */
export function registerStatus(program: Command, state: ProgramState): void {
  program
    .command('status')
    .description('show whether a credential this issuer issued is active, revoked or suspended')
    .argument('<credential>', 'credential id, or a credential file (JSON or JWT)')
    .addHelpText(
      'after',
      `
Examples:
  $ skills-passport status urn:uuid:3f0c2a9e-1b7d-4f3e-9c4a-2d5e8f6a7b10
  $ skills-passport status issued/aisha-khan-1a2b3c4d.json --json`,
    )
    .action(
      sessionAction(state, async (session, credential: string) => {
        const credentialId = await credentialIdOf(session.io.cwd, credential, (path) =>
          readCredentialFile(session.io, path),
        );
        const { service } = await openLocalIssuer(session);
        const status = await service.statusOf(credentialId);
        if (!status) {
          throw new CliError(
            'credential-unknown',
            `${credentialId} was not issued from this data directory.`,
          );
        }
        session.output.result(`${credentialId}: ${stateText(status)}`, status);
        return 0;
      }),
    );
}

/** An id as given, or the `id` inside the credential file the argument names. */
async function credentialIdOf(
  cwd: string,
  argument: string,
  read: (path: string) => Promise<Record<string, unknown> | string>,
): Promise<string> {
  const isFile = await stat(resolve(cwd, argument)).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) return argument;
  const credential = credentialDocument(await read(argument));
  if (typeof credential?.id !== 'string') {
    throw new CliError(CliCodes.inputUnreadable, `${argument} holds no credential with an id.`);
  }
  return credential.id;
}
