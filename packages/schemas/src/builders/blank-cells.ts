/**
 * A copy of a builder input without the cells a CSV file leaves empty: `''` and whitespace-only strings become
 * absent, so an empty optional column means "not given" and an empty required column is reported as missing.
 *
 * @example
 * ```ts
 * withoutBlankCells({ learnerName: 'Aisha Khan', credits: ' ' }); // { learnerName: 'Aisha Khan' }
 * ```
 */
export function withoutBlankCells<T extends object>(input: T): T {
  const cleaned: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    cleaned[field] = value;
  }
  return cleaned as T;
}
