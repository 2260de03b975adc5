import { compileSchema, type SchemaValidationResult } from '@skills-passport/schemas';

/** Compiles a JSON Schema fetched from a `credentialSchema` URL into a validator returning readable errors. */
export type SchemaCompiler = (
  schema: Record<string, unknown>,
) => (document: unknown) => SchemaValidationResult;

/**
 * The compiler of `@skills-passport/schemas` (`compileSchema`), so fetched schemas are compiled by the same ajv
 * set-up as the bundled ones (one configuration, one place).
 *
 * @example
 * schemaCompiler()(schema)(credential).valid;
 */
export function schemaCompiler(): SchemaCompiler {
  return compileSchema;
}
