import type { SchemaError } from './schema-error.js';

/**
 * Thrown by the credential builders when their input cannot produce a credential that passes its schema.
 * `code` matches core's `PassportError` code for the same situation, so callers can handle both alike;
 * `errors` lists every problem, each with a JSON Pointer `path` naming the input field (the CSV column) to fix,
 * e.g. `/digitalSkillsLevel` or `/skills/1`. Only problems in parts the builder made itself keep their path
 * into the credential.
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
