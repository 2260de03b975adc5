// @skills-passport/cli: the `skills-passport` command, runnable in-process for tests and embedding.

export { type CliCode, CliCodes, CliError } from './cli-error.js';
export { type CliConfig, DATA_DIR_ENV, DEFAULT_DATA_DIR } from './data-dir.js';
export { type CliIo, type OutputStream, processIo } from './io.js';
export { CLI_VERSION, createProgram, run } from './program.js';
