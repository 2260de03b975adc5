import { type Command, InvalidArgumentError } from 'commander';
import { DATA_DIR_ENV, hasConfig, readConfig } from '../data-dir.js';
import { type ProgramState, type Session, sessionAction } from '../session.js';

interface ServeOptions {
  port?: number;
  host?: string;
  store?: string;
  publicUrl?: string;
  trust?: string;
}

/** The service's own environment variables this command sets from its options (see packages/server config). */
const SERVER_ENV = {
  port: 'PORT',
  host: 'HOST',
  storeUrl: 'STORE_URL',
  dataDir: 'DATA_DIR',
  publicUrl: 'PUBLIC_URL',
  trustRegistry: 'TRUST_REGISTRY',
} as const;

/**
 * `serve`: runs the verification service (`@skills-passport/server`) on this data directory, so the status
 * lists and issuer documents of what `init` and `issue` made here are published. Options override the service's
 * environment variables, which still work. Stops cleanly on SIGINT / SIGTERM (exit 0).
 *
 * @example
 * registerServe(program, state); // skills-passport serve --port 8080 --public-url https://passport.acme.example
 */
export function registerServe(program: Command, state: ProgramState): void {
  program
    .command('serve')
    .description(
      'run the verification service (VC-API, status lists, did.json, the employer page) on this data',
    )
    .option('--port <port>', 'port to listen on, 0 for any free one ($PORT, default 3000)', portOf)
    .option('--host <address>', 'address to listen on, e.g. 127.0.0.1 ($HOST, default every interface)')
    .option(
      '--store <url>',
      'sqlite:<path> or postgres://... ($STORE_URL or $DATABASE_URL, default sqlite:<data-dir>/passport.db)',
    )
    .option(
      '--public-url <url>',
      "the URL the service is reached at ($PUBLIC_URL, default init's --base-url, else http://localhost:<port>)",
    )
    .option('--trust <registry.json>', 'trust registry of recognised issuers ($TRUST_REGISTRY)')
    .addHelpText(
      'after',
      `
Every other setting of the service comes from its environment (SKILLS_PASSPORT_API_KEYS, NODE_ENV, CORS_ORIGINS,
RATE_LIMIT_PER_MINUTE, STATUS_UNREACHABLE, ...: see docs/service.md). The data directory is --data-dir, else
$${DATA_DIR_ENV}, else $DATA_DIR, else ./.skills-passport: the one init and issue use, so the credentials issued
here have their status lists served. Stop with Ctrl-C or SIGTERM: requests in flight finish, the store closes,
exit code 0. A port in use or a bad setting exits 2 with invalid-options.

Examples:
  $ skills-passport serve
  $ skills-passport serve --port 8080 --host 127.0.0.1
  $ skills-passport serve --public-url https://passport.acme.example --store postgres://passport@db/passport`,
    )
    .action(sessionAction(state, (session, options: ServeOptions) => serveCommand(session, options)));
}

async function serveCommand(session: Session, options: ServeOptions): Promise<number> {
  const { io } = session;
  const env = { ...io.env, ...(await serviceEnv(session, options)) };
  // Loaded when asked for: the other commands need none of the HTTP stack.
  const { internalErrorLine, startService } = await import('@skills-passport/server');
  const host = options.host ?? (env[SERVER_ENV.host]?.trim() || undefined);
  const service = await startService({
    env,
    ...(host ? { host } : {}),
    print: (line) => (session.output.json ? undefined : io.stdout.write(`${line}\n`)),
    log: (entry) => io.stdout.write(`${JSON.stringify(entry)}\n`),
    onInternalError: (error) => io.stderr.write(`${internalErrorLine(error)}\n`),
  });
  if (session.output.json) {
    // One line, so a script can read it before the request log lines that follow.
    io.stdout.write(
      `${JSON.stringify({ listening: { url: service.url, port: service.port, store: service.store.backend, dataDir: service.config.dataDir, banner: service.banner } })}\n`,
    );
  }
  return service.stopped;
}

/** The service settings this command decides: its options first, then the environment, then this data directory. */
async function serviceEnv(session: Session, options: ServeOptions): Promise<Record<string, string>> {
  const env = session.io.env;
  const set: Record<string, string> = {};
  // The CLI's data directory, unless only the service's own DATA_DIR names one.
  const ownDataDir = !session.dataDirDefaulted || !env[SERVER_ENV.dataDir]?.trim();
  set[SERVER_ENV.dataDir] = ownDataDir ? session.dataDir : (env[SERVER_ENV.dataDir] as string);
  if (options.port !== undefined) set[SERVER_ENV.port] = String(options.port);
  if (options.store !== undefined) set[SERVER_ENV.storeUrl] = options.store;
  if (options.trust !== undefined) set[SERVER_ENV.trustRegistry] = options.trust;
  if (options.publicUrl !== undefined) set[SERVER_ENV.publicUrl] = options.publicUrl;
  else if (!env[SERVER_ENV.publicUrl]?.trim() && ownDataDir && (await hasConfig(session.dataDir))) {
    // Credentials issued here name their status lists under init's --base-url: serve them there.
    set[SERVER_ENV.publicUrl] = (await readConfig(session.dataDir)).baseUrl;
  }
  return set;
}

function portOf(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  }
  return port;
}
