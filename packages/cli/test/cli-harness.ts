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
 * injected fetch answers only the documents a test `serve`s and refuses every other request; the injected DNS
 * lookup answers a fixed public address, so no name reaches a real resolver), and no terminal.
 */
export class CliSandbox {
  readonly dir: string;
  readonly env: Record<string, string | undefined>;
  /** Every URL the CLI tried to fetch from the network (must stay empty). */
  readonly fetched: string[] = [];
  /** Documents the injected fetch answers, by URL (an OB 2.0 issuer's assertions, badge, profile...). */
  readonly documents = new Map<string, { status: number; body: string; contentType: string }>();

  private constructor(dir: string) {
    this.dir = dir;
    this.env = { SKILLS_PASSPORT_HOME: join(dir, 'data') };
  }

  static async create(): Promise<CliSandbox> {
    return new CliSandbox(await mkdtemp(join(tmpdir(), 'skills-passport-cli-')));
  }

  /** Makes the injected fetch answer `url` with `body` (JSON unless a string) and `status`. */
  serve(url: string, body: unknown, status = 200): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const contentType = typeof body === 'string' ? 'text/plain' : 'application/ld+json';
    this.documents.set(url, { status, body: text, contentType });
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
        const document = this.documents.get(url);
        if (!document) throw new Error(`network disabled in tests: ${url}`);
        return new Response(document.body, {
          status: document.status,
          headers: { 'content-type': document.contentType },
        });
      },
      // Any public address: the safe fetch only checks it, and the injected fetch answers without connecting.
      lookup: async () => [{ address: '93.184.216.34' }],
    };
    const code = await run(argv, io);
    return { code, stdout, stderr, json: () => JSON.parse(stdout) };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
