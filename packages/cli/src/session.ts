import { join } from 'node:path';
import type { IssuerStore } from '@skills-passport/store';
import { openStore, resolveStoreSecret } from '@skills-passport/store';
import type { Command } from 'commander';
import { type CliConfig, DATA_DIR_ENV, readConfig, resolveDataDir } from './data-dir.js';
import type { CliIo } from './io.js';
import { Output } from './output.js';

/** Options every command inherits from the program. */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/**
 * One command's run: where the data lives, how to print, and the store, opened on first use and always closed
 * when the command ends (so an in-process test can run many commands one after another).
 *
 * @example
 * const session = new Session(io, { dataDir: '/tmp/sp', json: true });
 * const store = await session.store();
 * await session.close();
 */
export class Session {
  readonly io: CliIo;
  readonly output: Output;
  readonly dataDir: string;
  /** True when neither `--data-dir` nor `SKILLS_PASSPORT_HOME` named the data directory (it is the default). */
  readonly dataDirDefaulted: boolean;
  #store: IssuerStore | undefined;

  constructor(io: CliIo, options: GlobalOptions) {
    this.io = io;
    this.output = new Output(io, { json: options.json === true });
    this.dataDir = resolveDataDir(io, options.dataDir);
    this.dataDirDefaulted = options.dataDir === undefined && io.env[DATA_DIR_ENV] === undefined;
  }

  /** The clock commands use (tests inject one). */
  now(): Date {
    return (this.io.now ?? (() => new Date()))();
  }

  /**
   * The issuer store in `<data-dir>/passport.db`. Its secret comes from `SKILLS_PASSPORT_SECRET`, or is
   * generated once into `<data-dir>/dev-secret.key` (mode 0600) so a laptop install needs no set-up.
   */
  async store(): Promise<IssuerStore> {
    if (this.#store) return this.#store;
    const secret = await resolveStoreSecret({ env: this.io.env, production: false, dataDir: this.dataDir });
    this.#store = await openStore(`sqlite:${join(this.dataDir, 'passport.db')}`, { secret });
    return this.#store;
  }

  /** The issuer configuration written by `init` (`not-initialised` otherwise). */
  config(): Promise<CliConfig> {
    return readConfig(this.dataDir);
  }

  async close(): Promise<void> {
    const store = this.#store;
    this.#store = undefined;
    await store?.close();
  }
}

/** What a command action returns: its exit code (0 when omitted). */
export type ActionResult = number | undefined;

/**
 * Adapts a command body to commander: makes the session from the global options, records the exit code and
 * closes the session whatever happens. Errors travel up to `run`, which prints them without a stack.
 *
 * @example
 * command.action(sessionAction(state, async (session, file: string) => { … return 0; }));
 */
export function sessionAction<Args extends unknown[]>(
  state: ProgramState,
  body: (session: Session, ...args: Args) => Promise<ActionResult>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const session = new Session(state.io, command.optsWithGlobals<GlobalOptions>());
    try {
      state.exitCode = (await body(session, ...(args.slice(0, -1) as Args))) ?? 0;
    } finally {
      await session.close();
    }
  };
}

/** What `run` shares with the commands: the I/O and the exit code the last action set. */
export interface ProgramState {
  io: CliIo;
  exitCode: number;
}
