import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/io.js';
import { run } from '../src/program.js';

/** What one in-process run of the CLI printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = any>(): T;
}

/**
 * A sandbox for CLI tests: a temporary working directory used as cwd and data directory, no network (the
 * injected fetch refuses every request), and no terminal.
 */
export class CliSandbox {
  readonly dir: string;
  readonly env: Record<string, string | undefined>;
  /** Every URL the CLI tried to fetch from the network (must stay empty). */
  readonly fetched: string[] = [];

  private constructor(dir: string) {
    this.dir = dir;
    this.env = { SKILLS_PASSPORT_HOME: join(dir, 'data') };
  }

  static async create(): Promise<CliSandbox> {
    return new CliSandbox(await mkdtemp(join(tmpdir(), 'skills-passport-cli-')));
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  async run(
    argv: string[],
    options: { stdin?: string | Uint8Array; tty?: boolean; env?: Record<string, string> } = {},
  ): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: {
        write: (text) => {
          stdout += text;
        },
        isTTY: options.tty === true,
      },
      stderr: {
        write: (text) => {
          stderr += text;
        },
        isTTY: options.tty === true,
      },
      readStdin: async () =>
        typeof options.stdin === 'string'
          ? new TextEncoder().encode(options.stdin)
          : (options.stdin ?? new Uint8Array()),
      env: { ...this.env, ...options.env },
      cwd: this.dir,
      fetch: async (url) => {
        this.fetched.push(url);
        throw new Error(`network disabled in tests: ${url}`);
      },
    };
    const code = await run(argv, io);
    return { code, stdout, stderr, json: () => JSON.parse(stdout) };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
