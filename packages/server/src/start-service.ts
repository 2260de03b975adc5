import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { PassportError } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import type { Hono } from 'hono';
import type { RequestLogEntry } from './app-deps.js';
import { assembleService } from './assemble-service.js';
import { ENV, loadConfig, type ServerConfig } from './config.js';

/** The environment variable naming the address to listen on (read by `main.ts`; `loadConfig` has no host). */
export const HOST_ENV = ENV.host;

/**
 * One JSON line for the operator's log about an error the service answered with 500 / 503 (stack included, never
 * sent to the client).
 *
 * @example
 * startService({ env, onInternalError: (error) => process.stderr.write(`${internalErrorLine(error)}\n`) });
 */
export function internalErrorLine(error: unknown): string {
  return JSON.stringify({
    time: new Date().toISOString(),
    level: 'error',
    error: String((error as Error)?.stack ?? error),
  });
}

/** In-flight requests get this long to finish after a stop (SIGINT/SIGTERM) before the service stops anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface StartServiceOptions {
  /** The configuration, read by `loadConfig` (`PORT`, `PUBLIC_URL`, `STORE_URL`, `DATA_DIR`, ...). */
  env: Record<string, string | undefined>;
  /** Address to listen on (default: every interface, as Node does). */
  host?: string;
  /** Where the start-up banner and shutdown lines for people go (default `console.log`). */
  print?: (line: string) => void;
  /** One structured entry per request (none by default). */
  log?: (entry: RequestLogEntry) => void;
  /** Errors answered with 500 / 503, for the operator's log. */
  onInternalError?: (error: unknown) => void;
  /** Stop on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean;
  /** How long requests in flight may take to finish once stopping (default {@link SHUTDOWN_GRACE_MS}). */
  graceMs?: number;
}

/** A service that is listening. */
export interface RunningService {
  /** The public URL (`PUBLIC_URL`, else `http://localhost:<port>` with the port actually opened). */
  url: string;
  /** The port actually opened (the one the OS chose for `PORT=0`). */
  port: number;
  config: ServerConfig;
  store: IssuerStore;
  /** Lines printed once the port opened: the URLs, and the demo issuer and its API key in development. */
  banner: string[];
  /** Stops taking connections, lets requests in flight finish, then closes the store. */
  stop(reason?: string): Promise<number>;
  /** Resolves once stopped: 0 after a clean stop, 1 when the grace period ran out or the store failed to close. */
  stopped: Promise<number>;
}

/**
 * Starts the whole service: opens the port first (so `PORT=0` gets a real port, which the default public URL
 * then names), assembles the service from the environment, prints the banner and, unless told otherwise, stops
 * cleanly on SIGINT / SIGTERM. Used by `main.ts` and by `skills-passport serve`. Throws PassportError /
 * StoreError for configuration the operator must fix (a port in use included), with nothing left open.
 *
 * @example
 * const service = await startService({ env: process.env });
 * process.exit(await service.stopped);
 */
export async function startService(options: StartServiceOptions): Promise<RunningService> {
  const print = options.print ?? ((line: string) => console.log(line));
  // Configuration mistakes are reported before any port is opened.
  const requested = loadConfig(options.env);
  let resolveApp!: (app: Hono) => void;
  let rejectApp!: (error: unknown) => void;
  const appReady = new Promise<Hono>((resolve, reject) => {
    resolveApp = resolve;
    rejectApp = reject;
  });
  // Never an unhandled rejection: a failed assembly is thrown below, and requests that waited get a 500.
  appReady.catch(() => undefined);
  const server = await listen(
    (request) => appReady.then((app) => app.fetch(request)),
    requested.port,
    options.host,
  );
  const port = (server.address() as AddressInfo).port;
  // With PORT=0 the default public URL must name the port the OS chose, not 0.
  const env =
    requested.port === 0 && !options.env[ENV.publicUrl]?.trim()
      ? { ...options.env, [ENV.port]: String(port) }
      : options.env;
  let assembled: Awaited<ReturnType<typeof assembleService>>;
  try {
    assembled = await assembleService(env, {
      ...(options.log ? { log: options.log } : {}),
      ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    });
  } catch (error) {
    rejectApp(error);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const { app, config, store, banner } = assembled;
  resolveApp(app);

  const where = options.host ? `${options.host}:${port}` : `port ${port}`;
  const lines = [
    `Skills Passport service on ${config.publicUrl} (listening on ${where}, store: ${store.backend})`,
    `  page:  ${config.publicUrl}/`,
    `  docs:  ${config.publicUrl}/docs`,
    ...banner,
  ];
  for (const line of lines) print(line);

  const shutdown = shutdownOf(server, store, print, options.graceMs ?? SHUTDOWN_GRACE_MS);
  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => void shutdown.stop(signal);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // Listeners go once stopped, so a program that starts the service twice does not pile them up.
    void shutdown.stopped.then(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
  }
  return { url: config.publicUrl, port, config, store, banner: lines, ...shutdown };
}

/** Opens the port; a port in use or an unknown address is a configuration error, not a crash. */
function listen(
  fetch: (request: Request) => Promise<Response>,
  port: number,
  host: string | undefined,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, ...(host ? { hostname: host } : {}) }, () => {
      server.off('error', failed);
      resolve(server);
    });
    const failed = (error: NodeJS.ErrnoException) => {
      const address = `${host ?? '*'}:${port}`;
      const why =
        error.code === 'EADDRINUSE'
          ? 'the port is already in use'
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? 'this machine has no such address'
            : error.code === 'EACCES'
              ? 'permission denied (ports below 1024 need privileges)'
              : error.message;
      reject(new PassportError('invalid-options', `Cannot listen on ${address}: ${why}.`));
    };
    server.once('error', failed);
  });
}

function shutdownOf(
  server: ServerType,
  store: IssuerStore,
  print: (line: string) => void,
  graceMs: number,
): Pick<RunningService, 'stop' | 'stopped'> {
  let finish!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => {
    finish = resolve;
  });
  let stopping = false;
  const stop = (reason?: string) => {
    if (stopping) return stopped;
    stopping = true;
    print(`${reason ? `${reason}: ` : ''}finishing requests in flight, then closing the store.`);
    const force = setTimeout(() => {
      // Connections still busy after the grace period are cut, so the process can end.
      if ('closeAllConnections' in server) server.closeAllConnections();
      finish(1);
    }, graceMs);
    force.unref();
    server.close(() => {
      store.close().then(
        () => finish(0),
        () => finish(1),
      );
    });
    // Idle keep-alive connections would otherwise hold `close` open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    void stopped.then(() => clearTimeout(force));
    return stopped;
  };
  return { stop, stopped };
}
