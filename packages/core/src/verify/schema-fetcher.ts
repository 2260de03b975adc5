import type { SchemaValidationResult } from '@skills-passport/schemas';
import type { SafeFetch } from '../net/safe-fetch.js';
import { messageOfError } from './error-code.js';

/**
 * Compiles a fetched JSON Schema into a validator returning readable errors: `compileSchema` of
 * `@skills-passport/schemas` (the same ajv set-up as the bundled schemas), or a stand-in in tests.
 */
export type SchemaCompiler = (
  schema: Record<string, unknown>,
) => (document: unknown) => SchemaValidationResult;

/** A validator for a fetched schema, or why there is none. */
export type FetchedSchema = { validate: (document: unknown) => SchemaValidationResult } | { problem: string };

/** Fetches a `credentialSchema` the verifier does not bundle; made once per verifier (see `allowSchemaFetch`). */
export type SchemaFetcher = (id: string) => Promise<FetchedSchema>;

export interface SchemaFetcherOptions {
  /** The verifier's safe fetch (https only, public hosts, time and size limits). */
  safeFetch: SafeFetch;
  /** Compiles a fetched schema: `compileSchema` of `@skills-passport/schemas`. */
  compile: SchemaCompiler;
  /** Largest schema accepted, in bytes (default 256 KiB; the safe fetch's own limit applies first). */
  maxBytes?: number;
  /** Compiled schemas remembered (default 100); the oldest is dropped first. */
  maxEntries?: number;
}

export const SCHEMA_FETCH_DEFAULTS = { maxBytes: 256 * 1024, maxEntries: 100 } as const;

/**
 * Fetches a JSON Schema by its URL through the safe fetch, compiles it once and keeps the compiled validator, so
 * a schema is fetched once per verifier however many credentials name it. Failures are not remembered (the next
 * credential tries again) and never throw: they come back as `{ problem }` in plain English.
 *
 * @example
 * const fetchSchema = createSchemaFetcher({ safeFetch, compile: compileSchema });
 * const schema = await fetchSchema('https://example.org/schemas/badge.json');
 * if ('validate' in schema) schema.validate(credential).valid;
 */
export function createSchemaFetcher(options: SchemaFetcherOptions): SchemaFetcher {
  const maxBytes = options.maxBytes ?? SCHEMA_FETCH_DEFAULTS.maxBytes;
  const maxEntries = options.maxEntries ?? SCHEMA_FETCH_DEFAULTS.maxEntries;
  const compiled = new Map<string, Promise<FetchedSchema>>();

  async function load(id: string): Promise<FetchedSchema> {
    let text: string;
    try {
      const response = await options.safeFetch(id, {
        headers: { accept: 'application/schema+json, application/json' },
      });
      if (response.status !== 200) return { problem: `the server answered HTTP ${response.status}` };
      text = await response.text();
    } catch (error) {
      return { problem: messageOfError(error) };
    }
    if (Buffer.byteLength(text, 'utf8') > maxBytes) {
      return { problem: `the schema is larger than ${maxBytes} bytes` };
    }
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch {
      return { problem: 'the answer is not JSON' };
    }
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
      return { problem: 'the answer is not a JSON Schema object' };
    }
    try {
      return { validate: options.compile(schema as Record<string, unknown>) };
    } catch (error) {
      return { problem: `the schema cannot be compiled: ${messageOfError(error)}` };
    }
  }

  return async function fetchSchema(id) {
    const known = compiled.get(id);
    if (known) return known;
    const loading = load(id);
    if (compiled.size >= maxEntries) compiled.delete(compiled.keys().next().value as string);
    compiled.set(id, loading);
    const outcome = await loading;
    if ('problem' in outcome) compiled.delete(id);
    return outcome;
  };
}
