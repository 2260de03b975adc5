import type { SchemaError } from '../schema-error.js';

/**
 * Which input field fills which part of the credential, as `[credential JSON Pointer, input field]` pairs.
 * Builders report schema errors under the input field (the CSV column) a user has to fix, not under the
 * credential member they never wrote.
 *
 * @example
 * ```ts
 * const fields: InputFieldMap = [['/credentialSubject/achievement/name', 'achievementName']];
 * ```
 */
export type InputFieldMap = readonly (
  | readonly [credentialPointer: string, inputField: string]
  | readonly [credentialPointer: string, inputField: string, match: 'exact']
)[];

/**
 * Rewrites each error's path from the credential to the input field that produced it, using the longest
 * matching pointer in `fields` and keeping what follows it (`/learningOutcomes/1`); an `'exact'` entry only
 * matches its own pointer (an object whose members come from other fields). Errors about parts no input field
 * maps to keep their credential path.
 *
 * @example
 * ```ts
 * toInputPaths([{ path: '/credentialSubject/achievement/name', message: 'is required' }], fields);
 * // [{ path: '/achievementName', message: 'is required' }]
 * ```
 */
export function toInputPaths(errors: readonly SchemaError[], fields: InputFieldMap): SchemaError[] {
  const byLength = [...fields].sort((a, b) => b[0].length - a[0].length);
  const seen = new Set<string>();
  const mapped: SchemaError[] = [];
  for (const error of errors) {
    const match = byLength.find(
      ([pointer, , exact]) =>
        error.path === pointer || (exact === undefined && error.path.startsWith(`${pointer}/`)),
    );
    const path = match ? `/${match[1]}${error.path.slice(match[0].length)}` : error.path;
    const key = `${path}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mapped.push({ path, message: error.message });
  }
  return mapped;
}
