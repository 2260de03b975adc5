import { Codes } from '../codes.js';
import { type CheckResult, result } from './report.js';
import { schemaErrorsFor, schemaKindsFor } from './schema-kinds.js';

/**
 * Validates against the official OB 3.0 schema (for OB credentials in VC 2.0 form) and our profile schemas named
 * in `credentialSchema`. Schemas we do not bundle are never fetched: they are reported as not checked.
 */
export function checkSchema(credential: Record<string, unknown>): CheckResult {
  const { kinds, unknown } = schemaKindsFor(credential);
  if (kinds.length === 0) {
    const note =
      unknown.length > 0 ? ` (declared schema ${unknown[0]} is not bundled and is not fetched)` : '';
    return result(
      'schema',
      'skip',
      Codes.schemaUnknown,
      `No bundled schema applies to this credential${note}.`,
    );
  }
  const errors = schemaErrorsFor(credential);
  if (errors.length > 0) {
    const first = errors
      .slice(0, 3)
      .map((error) => `${error.path || '/'} ${error.message}`)
      .join('; ');
    return result(
      'schema',
      'fail',
      Codes.schemaInvalid,
      `Does not match the ${errors[0]!.kind} schema: ${first}.`,
    );
  }
  const extra =
    unknown.length > 0 ? `; ${unknown.length} other declared schema(s) not bundled, not checked` : '';
  return result(
    'schema',
    'pass',
    Codes.schemaOk,
    `Matches the ${kinds.join(' and ')} schema${kinds.length > 1 ? 's' : ''}${extra}.`,
  );
}
