import type { Code } from './codes.js';

/**
 * Thrown for programmer mistakes and unusable configuration only. Anything a user can send us is answered
 * with a report instead (see `verify`).
 *
 * @example
 * throw new PassportError('invalid-key', 'The issuer key has no private part, so it cannot sign.');
 */
export class PassportError extends Error {
  readonly code: Code;
  readonly details: unknown;

  constructor(code: Code, message: string, details?: unknown) {
    super(message);
    this.name = 'PassportError';
    this.code = code;
    this.details = details;
  }
}
