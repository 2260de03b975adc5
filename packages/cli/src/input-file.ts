import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assertionUrlInput, isImage } from '@skills-passport/core';
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

/** What the user pointed a command at: the bytes to verify, exactly as given, and where they came from. */
export interface CredentialInput {
  bytes: Uint8Array;
  /** The file name, `-` for standard input, or the URL. */
  source: string;
  /** `text/uri-list` for a URL, `image/png` / `image/svg+xml` for a badge image, else JSON or JWT text. */
  mediaType: string;
}

/**
 * Reads a credential argument: an `https://` URL (an Open Badges 2.0 hosted assertion, fetched later by the
 * verifier through its safe fetch), `-` for standard input, or a file (JSON, JWT, JWS, baked PNG/SVG).
 *
 * @example
 * const input = await readCredentialInput(io, 'https://api.credly.com/v1/obi/v2/badge_assertions/…');
 * input.mediaType; // 'text/uri-list'
 */
export async function readCredentialInput(io: CliIo, argument: string): Promise<CredentialInput> {
  const url = assertionUrlInput(argument);
  if (url) return { bytes: new TextEncoder().encode(url.url), source: url.url, mediaType: 'text/uri-list' };
  if (/^http:\/\//i.test(argument)) {
    throw new CliError(
      CliCodes.inputUnreadable,
      `${argument}: only https assertion URLs are fetched (an http one could be changed on the way).`,
    );
  }
  const bytes = await readInputBytes(io, argument);
  return { bytes, source: argument, mediaType: mediaTypeOf(bytes) };
}

function mediaTypeOf(bytes: Uint8Array): string {
  if (isImage(bytes)) return bytes[0] === 0x89 ? 'image/png' : 'image/svg+xml';
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trim();
  return start.startsWith('{') ? 'application/json' : 'text/plain';
}
