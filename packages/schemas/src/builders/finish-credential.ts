import type { SchemaError } from '../schema-error.js';
import type { SchemaKind } from '../schema-ids.js';
import { SchemaValidationError } from '../schema-validation-error.js';
import { validate } from '../validate.js';
import { type InputFieldMap, toInputPaths } from './input-paths.js';

/**
 * The last step of every builder: drops members left `undefined` by absent input, validates the draft against
 * its profile schema and either returns it or throws a {@link SchemaValidationError} listing the builder's own
 * input errors and the schema's errors, with paths rewritten to input fields. A draft that fails is never
 * returned, so no caller can sign a half-built credential.
 *
 * @example
 * ```ts
 * return finishCredential('micro-module', draft, MICRO_MODULE_FIELD_PATHS, skillErrors);
 * ```
 */
export function finishCredential(
  kind: SchemaKind,
  draft: Record<string, unknown>,
  fields: InputFieldMap,
  inputErrors: readonly SchemaError[],
): Record<string, unknown> {
  const credential = withoutUndefined(draft) as Record<string, unknown>;
  const { errors } = validate(kind, credential);
  const all = [...inputErrors, ...toInputPaths(errors, fields)];
  if (all.length > 0) {
    throw new SchemaValidationError(`The input does not make a valid ${kind} credential`, all);
  }
  return credential;
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) copy[key] = withoutUndefined(member);
  }
  return copy;
}
