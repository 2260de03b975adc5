import type { FetchLike, HostLookup } from '@skills-passport/core';

/** Somewhere the CLI writes text: the process streams, or a buffer in tests. */
export interface OutputStream {
  write(text: string): void;
  /** True when a person is watching (colours, progress bar). */
  isTTY?: boolean;
}

/**
 * Everything the CLI touches outside itself, passed in so tests run commands in-process with no real terminal,
 * environment or network.
 *
 * @example
 * const io: CliIo = { ...processIo(), env: { SKILLS_PASSPORT_HOME: '/tmp/sp' } };
 * const exitCode = await run(['init', '--name', 'Acme Training'], io);
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Reads all of standard input (for `verify -`). */
  readStdin(): Promise<Uint8Array>;
  env: Record<string, string | undefined>;
  /** Relative paths and the default data directory are resolved against this. */
  cwd: string;
  /** The network fetch behind did:web and status lists that are not in the local store (default: global fetch). */
  fetch?: FetchLike;
  /**
   * The DNS lookup the safe fetch uses to refuse private addresses (default: the system resolver). Tests inject one
   * with `fetch`, so an injected issuer's host names never reach a real resolver.
   */
  lookup?: HostLookup;
  /** The clock (default: the system clock). */
  now?: () => Date;
}

/**
 * The real process: its streams, environment, working directory and standard input.
 *
 * @example
 * process.exitCode = await run(process.argv.slice(2), processIo());
 */
export function processIo(): CliIo {
  return {
    stdout: {
      write: (text) => process.stdout.write(text),
      isTTY: process.stdout.isTTY === true,
    },
    stderr: {
      write: (text) => process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
