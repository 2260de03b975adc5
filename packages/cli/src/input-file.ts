import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliCodes, CliError } from './cli-error.js';
import type { CliIo } from './io.js';

/**
 * Reads a file the user named (or standard input for `-`) as bytes; a missing or unreadable file is a
 * `input-unreadable` error (exit 2), never a stack trace.
 *
 * @example
 * const bytes = await readInputBytes(io, 'badge.png');
 */
export async function readInputBytes(io: CliIo, path: string): Promise<Uint8Array> {
  if (path === '-') return io.readStdin();
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch (error) {
    throw new CliError(
      CliCodes.inputUnreadable,
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/**
 * Reads and parses a JSON file (or `-`), reporting which file is not JSON.
 *
 * @example
 * const job = await readJsonFile(io, 'job.json');
 */
export async function readJsonFile(io: CliIo, path: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readInputBytes(io, path));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(CliCodes.inputUnreadable, `${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads a credential or presentation file: JSON is parsed, anything else (a JWT) is returned as trimmed text.
 *
 * @example
 * const credential = await readCredentialFile(io, 'alice.jwt'); // 'eyJ…'
 */
export async function readCredentialFile(io: CliIo, path: string): Promise<Record<string, unknown> | string> {
  const text = new TextDecoder().decode(await readInputBytes(io, path)).trim();
  if (!text.startsWith('{')) return text;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(CliCodes.inputUnreadable, `${path} is not valid JSON: ${(error as Error).message}`);
  }
}
