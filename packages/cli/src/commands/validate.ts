import {
  isSchemaKind,
  kindForSchemaId,
  SCHEMA_KINDS,
  type SchemaKind,
  validate,
} from '@skills-passport/schemas';
import { type Command, Option } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { credentialDocument } from '../credential-document.js';
import { readCredentialFile } from '../input-file.js';
import { type ProgramState, sessionAction } from '../session.js';

/**
 * `validate <file>`: JSON Schema check only (no signature), listing each error with its JSON Pointer path.
 * Exit 0 valid, 1 invalid.
 *
 * @example
 * registerValidate(program, state); // skills-passport validate module.json --profile micro-module
 */
export function registerValidate(program: Command, state: ProgramState): void {
  program
    .command('validate')
    .description(
      'check a credential (or job requirements) against its JSON Schema, without verifying signatures',
    )
    .argument('<file>', 'JSON or JWT file, or - for standard input')
    .addOption(
      new Option(
        '--profile <kind>',
        'schema to use (default: from credentialSchema, else open-badge-credential)',
      ).choices([...SCHEMA_KINDS]),
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 valid, 1 invalid, 2 unreadable.

Examples:
  $ skills-passport validate alice.json
  $ skills-passport validate draft.json --profile vendor-certification --json
  $ skills-passport validate job.json --profile job-requirements`,
    )
    .action(
      sessionAction(state, async (session, file: string, options: { profile?: SchemaKind }) => {
        const document = credentialDocument(await readCredentialFile(session.io, file));
        if (!document) throw new CliError(CliCodes.inputUnreadable, `${file} is neither JSON nor a JWT.`);
        const kinds = options.profile ? [options.profile] : kindsOf(document);
        const results = kinds.map((kind) => ({ kind, ...validate(kind, document) }));
        const valid = results.every((result) => result.valid);
        const lines = results.flatMap((result) =>
          result.valid
            ? [`${session.output.style('green', 'valid')}    ${result.kind}`]
            : [
                `${session.output.style('red', 'invalid')}  ${result.kind}`,
                ...result.errors.map((error) => `  ${error.path || '/'}  ${error.message}`),
              ],
        );
        session.output.result(lines, { valid, results });
        return valid ? 0 : 1;
      }),
    );
}

/** The schemas a document names in `credentialSchema` that we know, or the OB schema. */
function kindsOf(document: Record<string, unknown>): SchemaKind[] {
  const entries = Array.isArray(document.credentialSchema) ? document.credentialSchema : [];
  const kinds = entries
    .map((entry) => kindForSchemaId(String((entry as { id?: unknown })?.id ?? '')))
    .filter((kind): kind is SchemaKind => isSchemaKind(kind));
  return kinds.length > 0 ? [...new Set(kinds)] : ['open-badge-credential'];
}
