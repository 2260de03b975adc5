import type { SchemaError } from '@skills-passport/schemas';
import { Codes } from '../codes.js';
import { type CheckResult, result } from './report.js';
import type { SchemaFetcher } from './schema-fetcher.js';
import { documentsToValidate, schemaErrorsFor, schemaKindsFor, unbundledSchemasOf } from './schema-kinds.js';

/** What became of one declared schema we do not bundle. */
export type DeclaredSchemaOutcome =
  | { id: string; outcome: 'valid' }
  | { id: string; outcome: 'invalid'; errors: SchemaError[] }
  /** Not fetched: fetching is off, the entry's type is not a JSON Schema validator, or there are too many. */
  | { id: string; outcome: 'not-fetched'; reason: string }
  /** Fetching was allowed but failed (unreachable, too large, not JSON, not a usable schema). */
  | { id: string; outcome: 'unavailable'; reason: string };

/** `credentialSchema` types whose `id` is a JSON Schema to validate the credential with. */
export const JSON_SCHEMA_VALIDATOR_TYPES: readonly string[] = [
  '1EdTechJsonSchemaValidator2019',
  'JsonSchema',
];

/** Most unbundled schemas fetched for one credential: each is a request a stranger's credential makes us send. */
export const MAX_FETCHED_SCHEMAS_PER_CREDENTIAL = 5;

/**
 * The `schema` check with fetching: schemas we bundle are validated offline; each other `credentialSchema` entry
 * of a JSON Schema validator type is fetched through `fetchSchema` (made only when the verifier allows schema
 * fetching) and validated too. Without `fetchSchema` it is {@link checkSchema}. Never throws.
 *
 * @example
 * const check = await checkDeclaredSchemas(credential, allowSchemaFetch ? fetchSchema : undefined);
 */
export async function checkDeclaredSchemas(
  credential: Record<string, unknown>,
  fetchSchema?: SchemaFetcher,
): Promise<CheckResult> {
  const outcomes = await Promise.all(
    unbundledSchemasOf(credential).map(async (entry, index): Promise<DeclaredSchemaOutcome> => {
      const id = entry.id;
      if (!fetchSchema) return notFetched(id);
      if (entry.type === undefined || !JSON_SCHEMA_VALIDATOR_TYPES.includes(entry.type)) {
        const reason = `its type ${entry.type ?? '(none)'} is not a JSON Schema validator type`;
        return { id, outcome: 'not-fetched', reason };
      }
      if (index >= MAX_FETCHED_SCHEMAS_PER_CREDENTIAL) {
        const reason = `only ${MAX_FETCHED_SCHEMAS_PER_CREDENTIAL} schemas are fetched per credential`;
        return { id, outcome: 'not-fetched', reason };
      }
      const fetched = await fetchSchema(id);
      if ('problem' in fetched) return { id, outcome: 'unavailable', reason: fetched.problem };
      const errors = new Map<string, SchemaError>();
      for (const document of documentsToValidate(credential)) {
        for (const error of fetched.validate(document).errors)
          errors.set(`${error.path} ${error.message}`, error);
      }
      return errors.size === 0
        ? { id, outcome: 'valid' }
        : { id, outcome: 'invalid', errors: [...errors.values()] };
    }),
  );
  return checkSchema(credential, outcomes);
}

/**
 * Validates against the official OB 3.0 schema (for OB credentials in VC 2.0 form) and our profile schemas named
 * in `credentialSchema`, plus the outcomes of declared schemas we do not bundle (by default: none fetched, each
 * reported as not checked). A schema that was allowed to be fetched but could not be is a warning
 * (`schema-fetch-failed`): the credential could not be checked against it, which is not the same as matching it.
 *
 * @example
 * checkSchema(credential).code; // 'schema-ok', 'schema-invalid' or 'schema-unknown'
 */
export function checkSchema(
  credential: Record<string, unknown>,
  declared: DeclaredSchemaOutcome[] = unbundledSchemasOf(credential).map((entry) => notFetched(entry.id)),
): CheckResult {
  const kinds = schemaKindsFor(credential);
  const findings = [
    ...schemaErrorsFor(credential).map((error) => ({ ...error, schema: `${error.kind} schema` })),
    ...declared.flatMap((entry) =>
      entry.outcome === 'invalid'
        ? entry.errors.map((error) => ({ ...error, schema: `schema ${entry.id}` }))
        : [],
    ),
  ];
  if (findings.length > 0) {
    const first = findings
      .slice(0, 3)
      .map((error) => `${error.path || '/'} ${error.message}`)
      .join('; ');
    return result(
      'schema',
      'fail',
      Codes.schemaInvalid,
      `Does not match the ${findings[0]!.schema}: ${first}.`,
    );
  }
  const matched = [
    ...kinds.map((kind) => `the ${kind} schema`),
    ...declared.filter((entry) => entry.outcome === 'valid').map((entry) => `the schema ${entry.id}`),
  ];
  const unavailable = declared.filter((entry) => entry.outcome === 'unavailable');
  const skipped = declared.filter((entry) => entry.outcome === 'not-fetched');
  if (unavailable.length > 0) {
    const problems = unavailable
      .map((entry) => `${entry.id} could not be fetched (${entry.reason})`)
      .join('; ');
    const prefix =
      matched.length > 0
        ? `Matches ${matched.join(' and ')}, but the declared schema `
        : 'The declared schema ';
    return result('schema', 'warn', Codes.schemaFetchFailed, `${prefix}${problems}; it was not checked.`);
  }
  if (matched.length === 0) {
    const note =
      skipped.length > 0
        ? ` (declared schema ${skipped[0]!.id} is not bundled and ${skipped[0]!.reason})`
        : '';
    return result(
      'schema',
      'skip',
      Codes.schemaUnknown,
      `No bundled schema applies to this credential${note}.`,
    );
  }
  const extra =
    skipped.length > 0 ? `; ${skipped.length} other declared schema(s) not bundled, not checked` : '';
  return result('schema', 'pass', Codes.schemaOk, `Matches ${matched.join(' and ')}${extra}.`);
}

function notFetched(id: string): DeclaredSchemaOutcome {
  return { id, outcome: 'not-fetched', reason: 'is not fetched (schema fetching is off: allowSchemaFetch)' };
}
