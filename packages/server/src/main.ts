import { PassportError } from '@skills-passport/core';
import { StoreError } from '@skills-passport/store';
import { HOST_ENV, internalErrorLine, startService } from './start-service.js';

/** Reads the environment and starts the service: the only file that touches the process. */
async function main(): Promise<void> {
  const service = await startService({
    env: process.env,
    host: process.env[HOST_ENV]?.trim() || undefined,
    log: (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
    onInternalError: (error) => process.stderr.write(`${internalErrorLine(error)}\n`),
  });
  // SIGINT/SIGTERM stop the service (requests in flight finish, the store closes); then the process ends.
  process.exit(await service.stopped);
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
