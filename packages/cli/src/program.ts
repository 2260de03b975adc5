import { Command, CommanderError } from 'commander';
import { CliCodes, CliError } from './cli-error.js';
import { registerInit } from './commands/init.js';
import { registerInsights } from './commands/insights.js';
import { registerIssue } from './commands/issue.js';
import { registerIssueBatch } from './commands/issue-batch.js';
import { registerKeys } from './commands/keys.js';
import { registerMatch } from './commands/match.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';
import { registerStatusChanges } from './commands/status-change.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { registerWallet } from './commands/wallet.js';
import { DATA_DIR_ENV, DEFAULT_DATA_DIR } from './data-dir.js';
import type { CliIo } from './io.js';
import { Output } from './output.js';
import type { ProgramState } from './session.js';

/** The package version, shown by `--version`. */
export const CLI_VERSION = '0.1.0';

/**
 * Builds the `skills-passport` program. Commander never exits the process or prints a stack: usage errors
 * become `error usage: …` on stderr and exit code 2.
 *
 * @example
 * const state = { io: processIo(), exitCode: 0 };
 * await createProgram(state).parseAsync(['verify', 'credential.json'], { from: 'user' });
 */
export function createProgram(state: ProgramState): Command {
  const { io } = state;
  const program = new Command('skills-passport');
  // Set before any subcommand is added: commander copies these settings to subcommands when they are created.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`error ${CliCodes.usage}: ${text.replace(/^error:\s*/i, '')}`),
    })
    .showSuggestionAfterError(true);
  program
    .description('Issue, hold, present and verify skills credentials (Open Badges 3.0 / W3C VC 2.0).')
    .version(CLI_VERSION)
    .option('--data-dir <dir>', `data directory (default: $${DATA_DIR_ENV} or ./${DEFAULT_DATA_DIR})`)
    .option('--json', 'print machine-readable JSON on stdout')
    .addHelpText(
      'after',
      `
Exit codes: 0 ok / verified, 1 not verified, 2 bad usage or unreadable input.

Examples:
  $ skills-passport init --name "Acme Training"
  $ skills-passport issue --profile micro-module module.json --out alice.json
  $ skills-passport issue-batch cohort.csv --profile micro-module --out issued/
  $ skills-passport verify alice.json
  $ skills-passport wallet present --challenge 7f3a --domain https://jobs.example.com --out passport.json
  $ skills-passport serve --port 8080`,
    );
  registerInit(program, state);
  registerIssue(program, state);
  registerIssueBatch(program, state);
  registerStatusChanges(program, state);
  registerStatus(program, state);
  registerVerify(program, state);
  registerValidate(program, state);
  registerWallet(program, state);
  registerMatch(program, state);
  registerKeys(program, state);
  registerInsights(program, state);
  registerServe(program, state);
  return program;
}

/**
 * Runs the CLI in-process: parses `argv` (without `node` and the script), runs the command and returns its
 * exit code. Errors are printed as `error <code>: message`, never as a stack trace.
 *
 * @example
 * const exitCode = await run(['verify', 'credential.json', '--json'], io);
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const state: ProgramState = { io, exitCode: 0 };
  const program = createProgram(state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, argv.includes('--json'));
  }
}

function reportError(error: unknown, io: CliIo, json: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are successful exits; anything else commander refuses is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    // Commander already wrote `error usage: …` to stderr; scripts using --json also get it on stdout.
    if (json) new Output(io, { json }).error(CliCodes.usage, error.message.replace(/^error:\s*/i, ''));
    return 2;
  }
  const output = new Output(io, { json });
  if (error instanceof CliError) {
    output.error(error.code, error.message, error.details);
    return error.exitCode;
  }
  const code = (error as { code?: unknown })?.code;
  if (error instanceof Error && typeof code === 'string' && /^[a-z][a-z0-9-]*$/.test(code)) {
    // PassportError, StoreError, DidResolutionError, SafeFetchError: typed errors with a stable code.
    output.error(code, error.message);
    return 2;
  }
  if (error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A Node.js system error (EACCES, ENOENT, ENOSPC…): a file the user named or the data directory.
    output.error(CliCodes.ioError, error.message);
    return 2;
  }
  output.error('internal-error', error instanceof Error ? error.message : String(error));
  return 2;
}
