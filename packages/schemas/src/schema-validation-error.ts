import type { SchemaError } from './schema-error.js';

/**
 * Thrown by the credential builders when their input cannot produce a credential that passes its schema.
 * `code` matches core's `PassportError` code for the same situation, so callers can handle both alike;
 * `errors` lists each problem with a JSON Pointer path into the credential (or into the input, for input
 * that could not be read at all, e.g. `/skills/1`).
 *
 * @example
 * ```ts
 * try {
 *   buildMicroModuleCredential(row);
 * } catch (error) {
 *   if (error instanceof SchemaValidationError) console.log(error.errors.map((e) => `${e.path} ${e.message}`));
 * }
 * ```
 */
export class SchemaValidationError extends Error {
  readonly code = 'invalid-credential' as const;
  readonly errors: readonly SchemaError[];

  constructor(message: string, errors: readonly SchemaError[]) {
    const detail = errors.map((error) => `${error.path || '/'} ${error.message}`).join('; ');
    super(detail ? `${message}: ${detail}` : message);
    this.name = 'SchemaValidationError';
    this.errors = errors;
  }
}
