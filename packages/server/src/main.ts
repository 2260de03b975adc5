import { serve } from '@hono/node-server';
import { PassportError } from '@skills-passport/core';
import { type IssuerStore, StoreError } from '@skills-passport/store';
import { assembleService } from './assemble-service.js';

/** In-flight requests get this long to finish after SIGINT/SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Reads the environment, builds the service and listens: the only file that touches the process. */
async function main(): Promise<void> {
  const { app, config, store, banner } = await assembleService(process.env, {
    log: (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
    onInternalError: (error) =>
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: 'error', error: String((error as Error)?.stack ?? error) })}\n`,
      ),
  });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(
      `Skills Passport service on ${config.publicUrl} (listening on port ${info.port}, store: ${store.backend})`,
    );
    console.log(`  page:  ${config.publicUrl}/`);
    console.log(`  docs:  ${config.publicUrl}/docs`);
    for (const line of banner) console.log(line);
  });
  installShutdown(server, store);
}

function installShutdown(server: ReturnType<typeof serve>, store: IssuerStore): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the store.`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    // Idle keep-alive connections would otherwise hold `close` open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration and store problems are the operator's to fix: one clear line, exit code 2, no stack.
  if (error instanceof PassportError || error instanceof StoreError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
