import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
// Workspace packages are loaded from their sources, so the process runs exactly the code under test, built or not.
const TSCONFIG = fileURLToPath(new URL('./tsconfig.source.json', import.meta.url));

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('No port was assigned.');
  return address.port;
}

/**
 * The real service as a child process (`src/main.ts` through tsx), as an operator runs it: its own port, a SQLite
 * data directory, the given API keys, rate limiting off.
 *
 * @example
 * const server = await ServerProcess.start({ dataDir, port, apiKeys: 'demo:0123456789abcdef' });
 * server.kill('SIGTERM');
 * expect(await server.exited).toBe(0);
 */
export class ServerProcess {
  readonly url: string;
  /** Resolves with the exit code (a signal's name if it was killed by one). */
  readonly exited: Promise<number | string>;
  readonly #child: ChildProcess;
  #output = '';

  private constructor(child: ChildProcess, url: string) {
    this.#child = child;
    this.url = url;
    child.stdout?.on('data', (chunk: Buffer) => {
      this.#output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.#output += chunk.toString();
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
    );
  }

  static async start(options: { dataDir: string; port: number; apiKeys: string }): Promise<ServerProcess> {
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of ['STORE_URL', 'DATABASE_URL', 'SKILLS_PASSPORT_SECRET', 'PUBLIC_URL', 'NODE_ENV']) {
      delete env[name];
    }
    const url = `http://127.0.0.1:${options.port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: REPO,
      env: {
        ...env,
        TSX_TSCONFIG_PATH: TSCONFIG,
        PORT: String(options.port),
        PUBLIC_URL: url,
        DATA_DIR: options.dataDir,
        SKILLS_PASSPORT_API_KEYS: options.apiKeys,
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, url);
    await server.#listening();
    return server;
  }

  /** Everything the process printed (request log lines included). */
  get output(): string {
    return this.#output;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  kill(signal: NodeJS.Signals): void {
    this.#child.kill(signal);
  }

  /** Waits for the start-up banner; fails (and kills the child) if the process exits or stays silent. */
  async #listening(): Promise<void> {
    for (let waited = 0; waited < 60_000; waited += 50) {
      if (this.#output.includes('Skills Passport service on')) return;
      if (this.#child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.#child.kill('SIGKILL');
    throw new Error(`The service did not start:\n${this.#output}`);
  }
}
