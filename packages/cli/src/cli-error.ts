/**
 * Stable codes the CLI itself reports (library codes from core and the store are passed through unchanged).
 * Scripts may branch on them; tests assert them.
 */
export const CliCodes = {
  /** Commander refused the command line (unknown option, missing argument...). */
  usage: 'usage',
  /** A file could not be read, or is not the JSON/CSV it should be. */
  inputUnreadable: 'input-unreadable',
  /** No issuer in the data directory yet: run `skills-passport init`. */
  notInitialised: 'not-initialised',
  /** `init` on a data directory that already has an issuer (use --force for another). */
  alreadyInitialised: 'already-initialised',
  /** No wallet in the data directory yet: run `skills-passport wallet init`. */
  walletMissing: 'wallet-missing',
  /** `wallet init` on a data directory that already has a wallet. */
  walletExists: 'wallet-exists',
  /** `wallet add` of a credential issued to someone else (use --force to keep it anyway). */
  recipientMismatch: 'recipient-mismatch',
  /**
   * `wallet add` of an Open Badges 2.0 badge without `--recipient`: it names its recipient by email or URL (often
   * hashed), so the wallet cannot tell it is the learner's without one (use --force to keep it unchecked).
   */
  recipientRequired: 'recipient-required',
  /** `wallet add` of a credential that does not verify. */
  notVerified: 'not-verified',
  /** No wallet credential matches the id or the selection. */
  credentialNotFound: 'credential-not-found',
  /** The credential input failed the profile's schema or builder checks. */
  credentialInvalid: 'credential-invalid',
  /** A file or folder could not be written or created (permissions, missing parent folder, disk full). */
  ioError: 'io-error',
  /** The presentation is too large for a QR code. */
  qrTooLarge: 'qr-too-large',
} as const;

export type CliCode = (typeof CliCodes)[keyof typeof CliCodes];

/**
 * A user-facing failure: printed as `error <code>: message`, never with a stack trace, and mapped to an exit
 * code (1 = not verified / refused, 2 = bad usage or unreadable input).
 *
 * @example
 * throw new CliError(CliCodes.notInitialised, 'No issuer here yet: run `skills-passport init` first.');
 */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: 1 | 2;
  readonly details: unknown;

  constructor(code: string, message: string, options: { exitCode?: 1 | 2; details?: unknown } = {}) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = options.exitCode ?? 2;
    this.details = options.details;
  }
}
