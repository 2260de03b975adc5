import { open, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IssueResult } from '@skills-passport/core';
import { type Command, Option } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { readJsonFile } from '../input-file.js';
import { openLocalIssuer } from '../issuer-service.js';
import { buildProfileCredential, PROFILES, type ProfileName } from '../profiles.js';
import { type ProgramState, sessionAction } from '../session.js';

interface IssueOptions {
  profile?: ProfileName;
  learner?: string;
  learnerName?: string;
  set?: string[];
  format: 'di' | 'jwt';
  suspendable?: boolean;
  area?: string;
  out?: string;
}

/**
 * `issue [file]`: signs one credential as the local issuer, from a profile's input fields (JSON file and/or
 * flags) or from a complete unsigned credential, in Data Integrity or JWT form.
 *
 * @example
 * registerIssue(program, state); // skills-passport issue --profile micro-module module.json --out alice.json
 */
export function registerIssue(program: Command, state: ProgramState): void {
  program
    .command('issue')
    .description('issue one credential (from a profile input file, flags, or an unsigned credential)')
    .argument('[file]', 'JSON: profile input fields with --profile, else an unsigned credential')
    .addOption(
      new Option('--profile <profile>', 'build the credential with this profile').choices([...PROFILES]),
    )
    .option(
      '--learner <did>',
      "the learner's DID (credentialSubject.id); micro-module needs it here or as learnerId in the file",
    )
    .option('--learner-name <name>', "the learner's name")
    .option('--set <field=value...>', 'set any profile input field (repeatable; lists are ;-separated)')
    .addOption(
      new Option('--format <format>', 'di (Data Integrity) or jwt (VC-JOSE)')
        .choices(['di', 'jwt'])
        .default('di'),
    )
    .option('--suspendable', 'also add a suspension status entry (allows suspend/unsuspend)')
    .option('--area <code>', 'area code recorded in the issuance log for statistics (e.g. E08000035)')
    .option('--out <file>', 'write the credential here (default: stdout)')
    .addHelpText(
      'after',
      `
The input fields are the profile builders' fields, the same as the CSV columns of issue-batch
(see \`skills-passport issue-batch --template --profile <profile>\`). The issuer fields come from init.

Examples:
  $ skills-passport issue --profile micro-module module.json --learner did:key:z6Mk… --out alice.json
  $ skills-passport issue --profile vendor-certification cert.json --format jwt --out alice.jwt
  $ skills-passport issue --profile micro-module module.json --set learnerName="Aisha Khan" --set validUntil=2029-03-01
  $ skills-passport issue unsigned-credential.json --suspendable --json`,
    )
    .action(
      sessionAction(state, async (session, file: string | undefined, options: IssueOptions) => {
        const fromFile = file === undefined ? {} : await readJsonFile(session.io, file);
        if (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
          throw new CliError(CliCodes.inputUnreadable, `${file} must hold a JSON object.`);
        }
        const local = await openLocalIssuer(session);
        let credential: Record<string, unknown>;
        if (options.profile) {
          const input: Record<string, unknown> = {
            ...(fromFile as Record<string, unknown>),
            ...parseSets(options.set),
          };
          if (options.learner) input.learnerId = options.learner;
          if (options.learnerName) input.learnerName = options.learnerName;
          credential = buildProfileCredential(options.profile, input, local.issuer);
        } else {
          if (file === undefined) {
            throw new CliError(
              CliCodes.usage,
              'Give an unsigned credential file, or --profile with input fields.',
            );
          }
          credential = fromFile as Record<string, unknown>;
        }
        // Opened before signing, so an unwritable --out fails before anything is issued and logged.
        const outPath = options.out ? resolve(session.io.cwd, options.out) : undefined;
        const outFile = outPath ? await open(outPath, 'w') : undefined;
        let issued: IssueResult;
        try {
          issued = await local.service.issue({
            issuerId: local.issuer.id,
            credential,
            format: options.format,
            ...(options.suspendable ? { suspendable: true } : {}),
            ...(options.area ? { areaCode: options.area } : {}),
          });
        } catch (error) {
          await outFile?.close();
          if (outPath) await rm(outPath, { force: true });
          throw error;
        }
        const text =
          typeof issued.credential === 'string'
            ? issued.credential
            : JSON.stringify(issued.credential, null, 2);
        if (options.out) {
          await outFile?.writeFile(`${text}\n`);
          await outFile?.close();
        } else if (!session.output.json) {
          session.output.raw(text);
        }
        const data = {
          credentialId: issued.credentialId,
          format: options.format,
          status: issued.status,
          ...(options.out ? { out: options.out } : { credential: issued.credential }),
        };
        if (options.out) {
          session.output.result(`Issued ${issued.credentialId} (${options.format}): ${options.out}`, data);
        } else if (session.output.json) {
          session.output.result('', data);
        } else {
          session.output.note(`Issued ${issued.credentialId} (${options.format})`);
        }
        return 0;
      }),
    );
}

/** `--set a=1 --set b=x;y` as an object; a flag without `=` is a usage error. */
function parseSets(sets: string[] | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const set of sets ?? []) {
    const at = set.indexOf('=');
    if (at <= 0) throw new CliError(CliCodes.usage, `--set ${set}: expected field=value.`);
    values[set.slice(0, at).trim()] = set.slice(at + 1);
  }
  return values;
}
