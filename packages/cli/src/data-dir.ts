import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliCodes, CliError } from './cli-error.js';
import type { CliIo } from './io.js';

/** Environment variable naming the data directory when `--data-dir` is not given. */
export const DATA_DIR_ENV = 'SKILLS_PASSPORT_HOME';

/** The data directory used when neither `--data-dir` nor `SKILLS_PASSPORT_HOME` says otherwise. */
export const DEFAULT_DATA_DIR = '.skills-passport';

/** What `init` records about the local issuer, in `<data-dir>/config.json`. */
export interface CliConfig {
  /** The issuer's id in the store. */
  issuerId: string;
  /** Public URL of the service that will serve this issuer's status lists. */
  baseUrl: string;
}

/**
 * Where the CLI keeps its state: `--data-dir`, else `SKILLS_PASSPORT_HOME`, else `./.skills-passport`.
 *
 * @example
 * resolveDataDir(io, undefined); // '/home/me/project/.skills-passport'
 */
export function resolveDataDir(io: CliIo, option: string | undefined): string {
  return resolve(io.cwd, option ?? io.env[DATA_DIR_ENV] ?? DEFAULT_DATA_DIR);
}

/**
 * The issuer configuration `init` wrote, or `not-initialised`.
 *
 * @example
 * const { issuerId, baseUrl } = await readConfig(dataDir);
 */
export async function readConfig(dataDir: string): Promise<CliConfig> {
  let text: string;
  try {
    text = await readFile(join(dataDir, 'config.json'), 'utf8');
  } catch {
    throw new CliError(
      CliCodes.notInitialised,
      `No issuer in ${dataDir} yet: run \`skills-passport init --name "<organisation>"\` first.`,
    );
  }
  return JSON.parse(text) as CliConfig;
}

/** Whether `init` already ran in this data directory. */
export async function hasConfig(dataDir: string): Promise<boolean> {
  try {
    await readFile(join(dataDir, 'config.json'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves the issuer configuration (not secret: keys live encrypted in the store).
 *
 * @example
 * await writeConfig(dataDir, { issuerId: 'acme-training', baseUrl: 'https://acme.example' });
 */
export async function writeConfig(dataDir: string, config: CliConfig): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}
