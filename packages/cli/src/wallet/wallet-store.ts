import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CredentialReport,
  type CredentialSummary,
  exportMultikey,
  importMultikey,
  type PassportKeyPair,
} from '@skills-passport/core';
import { CliCodes, CliError } from '../cli-error.js';

/**
 * How a held credential is secured, as the verification report names it: OB 3.0 Data Integrity (`di`) or
 * VC-JOSE (`jwt`), or an Open Badges 2.0 hosted (`ob2-hosted`) or signed (`ob2-signed`) assertion.
 */
export type WalletFormat = Exclude<CredentialReport['format'], 'unknown'>;

/** What the learner added, byte for byte, and where it came from. */
export interface WalletOriginal {
  /** The file name, `-` (standard input), or the assertion URL. */
  source: string;
  /** `text/uri-list` (a URL), `image/png`, `image/svg+xml`, `application/json` or `text/plain` (JWT / JWS). */
  mediaType: string;
  /** The bytes, base64. */
  base64: string;
}

/** One credential in the learner's wallet, as kept on disk. */
export interface WalletEntry {
  /** The credential's id (`urn:uuid:…`), or an OB 2.0 assertion's id (its URL when hosted). */
  id: string;
  format: WalletFormat;
  /** ISO date-time it was added. */
  addedAt: string;
  /**
   * OB 3.0: the credential that goes into presentations, a JSON-LD object or a compact JWT. OB 2.0: the assertion
   * as verified (the issuer's hosted copy) or the signed assertion's JWS.
   */
  credential: Record<string, unknown> | string;
  /** The input exactly as added (entries added before this was kept have none). */
  original?: WalletOriginal;
  /**
   * The report's summary when it was added. OB 2.0 badges need it: their name, issuer and skills live in linked
   * documents fetched while verifying, and listing the wallet must not use the network.
   */
  summary?: CredentialSummary;
}

const HOLDER_KEY_FILE = 'holder-key.json';

/**
 * The learner's wallet in `<data-dir>/wallet/`: their did:key (private key file mode 0600) and one JSON file per
 * credential under `credentials/`. Plain files, so a learner can back them up or inspect them.
 *
 * @example
 * const wallet = await Wallet.open(dataDir);
 * await wallet.add(credential, 'urn:uuid:…');
 * (await wallet.list()).length; // 1
 */
export class Wallet {
  readonly holderKey: PassportKeyPair;
  readonly #folder: string;

  private constructor(folder: string, holderKey: PassportKeyPair) {
    this.#folder = folder;
    this.holderKey = holderKey;
  }

  /** The holder DID credentials should be issued to. */
  get did(): string {
    return this.holderKey.controller;
  }

  /** Creates the wallet with a new key; `wallet-exists` if there is one already. */
  static async create(dataDir: string, holderKey: PassportKeyPair): Promise<Wallet> {
    const folder = join(dataDir, 'wallet');
    await mkdir(join(folder, 'credentials'), { recursive: true });
    try {
      await writeFile(
        join(folder, HOLDER_KEY_FILE),
        `${JSON.stringify(exportMultikey(holderKey, { includeSecret: true }), null, 2)}\n`,
        { flag: 'wx', mode: 0o600 },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new CliError(CliCodes.walletExists, `${folder} already holds a wallet.`);
      }
      throw error;
    }
    return new Wallet(folder, holderKey);
  }

  /** Opens the wallet of a data directory; `wallet-missing` if `wallet init` never ran there. */
  static async open(dataDir: string): Promise<Wallet> {
    const folder = join(dataDir, 'wallet');
    let text: string;
    try {
      text = await readFile(join(folder, HOLDER_KEY_FILE), 'utf8');
    } catch {
      throw new CliError(
        CliCodes.walletMissing,
        `No wallet in ${dataDir}: run \`skills-passport wallet init\` first.`,
      );
    }
    return new Wallet(folder, await importMultikey(JSON.parse(text)));
  }

  /** Adds (or replaces) a credential, keyed by its id. */
  async add(entry: Omit<WalletEntry, 'addedAt'>, now: Date): Promise<WalletEntry> {
    const stored: WalletEntry = { ...entry, addedAt: now.toISOString() };
    await writeFile(this.#fileFor(entry.id), `${JSON.stringify(stored, null, 2)}\n`);
    return stored;
  }

  /** Every credential, oldest first. */
  async list(): Promise<WalletEntry[]> {
    const folder = join(this.#folder, 'credentials');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
    const entries = await Promise.all(
      names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as WalletEntry),
    );
    return entries.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  }

  /**
   * The credential with this id (or a unique prefix or suffix of it, or of its uuid without `urn:uuid:`);
   * `credential-not-found` otherwise.
   */
  async find(id: string): Promise<WalletEntry> {
    const entries = await this.list();
    const exact = entries.find((entry) => entry.id === id);
    if (exact) return exact;
    // People copy the uuid from `wallet list` without its `urn:uuid:` scheme, so its start counts too.
    const partial = entries.filter(
      (entry) =>
        entry.id.startsWith(id) || entry.id.endsWith(id) || entry.id.replace(/^urn:uuid:/, '').startsWith(id),
    );
    if (partial.length === 1 && partial[0]) return partial[0];
    throw new CliError(
      CliCodes.credentialNotFound,
      partial.length > 1
        ? `${id} matches ${partial.length} credentials; give more of the id.`
        : `No credential ${id} in the wallet.`,
    );
  }

  #fileFor(id: string): string {
    return join(
      this.#folder,
      'credentials',
      `${createHash('sha256').update(id).digest('hex').slice(0, 24)}.json`,
    );
  }
}
