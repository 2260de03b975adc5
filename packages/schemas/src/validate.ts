import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import { describeSchemaErrors, type SchemaError } from './schema-error.js';
import { readSchemaFile } from './schema-files.js';
import { isSchemaKind, SCHEMA_KINDS, type SchemaKind, schemaIdFor } from './schema-ids.js';

/** Schema files that other schemas `$ref` but that are not a kind of their own. */
const SHARED_SCHEMA_FILES = ['skill-alignment.json'] as const;

const SCHEMA_FILES: Readonly<Record<SchemaKind, string>> = {
  'open-badge-credential': 'open-badge-credential.json',
  'micro-module': 'micro-module.json',
  'vendor-certification': 'vendor-certification.json',
  'skills-passport': 'skills-passport.json',
  'job-requirements': 'job-requirements.json',
};

/**
 * Result of {@link validate}: `valid`, and when it is not, why.
 *
 * @example
 * ```ts
 * const result: SchemaValidationResult = { valid: false, errors: [{ path: '/title', message: 'is required' }] };
 * ```
 */
export interface SchemaValidationResult {
  valid: boolean;
  errors: SchemaError[];
}

let ajv: Ajv2019 | undefined;
const validators = new Map<SchemaKind, ValidateFunction>();
/** The schema documents by `$id`, for reading titles behind a `$ref` without compiling anything. */
const schemaDocuments = new Map<string, unknown>();

/**
 * One Ajv instance holds every schema so the profiles can `$ref` the official OB schema and each other by `$id`.
 * It is made on first use, not at import, so importing the package for its types or builders costs nothing.
 */
function schemaRegistry(): Ajv2019 {
  if (ajv !== undefined) return ajv;
  const instance = new Ajv2019({
    // Every error, not just the first: users fix a credential in one go.
    allErrors: true,
    // Errors carry the failing schema, which is where their readable descriptions come from.
    verbose: true,
    strict: true,
    // The official OB schema's `@context` is an open-ended tuple (two fixed items, then any contexts) by design.
    strictTuples: false,
    // Type unions such as `["string", "object"]` are plain draft 2019-09; ajv only asks us to opt in.
    allowUnionTypes: true,
    // `required` inside an anyOf/if branch names properties declared next to it, which is ordinary JSON Schema.
    strictRequired: false,
  });
  // ajv-formats is CommonJS; its module object is also its `default` export.
  ajvFormats.default(instance);
  for (const file of [...SHARED_SCHEMA_FILES, ...Object.values(SCHEMA_FILES)]) {
    const schema = readSchemaFile(file) as { $id: string };
    instance.addSchema(schema);
    schemaDocuments.set(schema.$id, schema);
  }
  ajv = instance;
  return instance;
}

/**
 * The compiled ajv validator for a kind: compiled on first use, then the same function for every later call
 * (and every {@link validate}). For embedders that want ajv's raw errors; most callers want `validate`.
 *
 * @example
 * ```ts
 * const check = compiledValidator('job-requirements');
 * if (!check(doc)) console.log(check.errors);
 * ```
 */
export function compiledValidator(kind: SchemaKind): ValidateFunction {
  if (!isSchemaKind(kind)) throw new TypeError(`Unknown schema kind: ${String(kind)}`);
  const cached = validators.get(kind);
  if (cached !== undefined) return cached;
  const compiled = schemaRegistry().getSchema(schemaIdFor(kind));
  if (compiled === undefined) throw new Error(`Schema ${schemaIdFor(kind)} is not registered`);
  validators.set(kind, compiled);
  return compiled;
}

/**
 * Compiles every kind's validator now rather than on first use (about 0.3 s in all, most of it the official OB
 * schema), so a service's first request does not pay for it. Returns the kinds this call compiled: none when
 * every validator was ready already.
 *
 * @example
 * ```ts
 * compileAllValidators(); // at start, before taking requests
 * ```
 */
export function compileAllValidators(): SchemaKind[] {
  const compiled = SCHEMA_KINDS.filter((kind) => !validators.has(kind));
  for (const kind of compiled) compiledValidator(kind);
  return compiled;
}

/**
 * Validates a document against one kind's JSON Schema. Never throws on bad documents: the result lists each
 * problem with a JSON Pointer `path` to the offending field. Throws `TypeError` only for an unknown `kind`
 * (a programming error).
 *
 * @example
 * ```ts
 * const { valid, errors } = validate('micro-module', credential);
 * if (!valid) console.log(errors); // [{ path: '/credentialSubject/achievement/learningOutcomes', message: 'is required' }]
 * ```
 */
export function validate(kind: SchemaKind, doc: unknown): SchemaValidationResult {
  const validator = compiledValidator(kind);
  if (validator(doc)) return { valid: true, errors: [] };
  const errors = describeSchemaErrors(validator.errors ?? [], (ref) => referencedSchema(ref, kind));
  return { valid: false, errors };
}

/**
 * The schema a `$ref` points at, read from the documents (ajv's `getSchema` would compile a validator just to
 * read a title). Relative refs resolve against the schema being validated (`#/$defs/...`) or the shared base
 * URL (`skill-alignment.json`), as ajv resolves them.
 */
function referencedSchema(ref: string, kind: SchemaKind): unknown {
  const url = new URL(ref, schemaIdFor(kind));
  let node = schemaDocuments.get(`${url.origin}${url.pathname}`);
  const pointer = decodeURIComponent(url.hash.slice(1));
  for (const segment of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Compiles a JSON Schema that is not one of ours (e.g. one fetched from a credential's `credentialSchema`) with the
 * same ajv instance and settings, so it may `$ref` the bundled schemas (the official OB 3.0 schema) by `$id`. It is
 * removed from the registry right after compiling: a stranger's schema must not take an `$id` that later look-ups
 * see, and the registry must not grow with every schema ever fetched. Throws ajv's error when the schema does not
 * compile (an unknown keyword or format in strict mode, a `$ref` to a schema that is not bundled, a `$schema`
 * other than draft 2019-09) or reuses a bundled schema's `$id`.
 *
 * @example
 * ```ts
 * const check = compileSchema(fetchedSchema);
 * check(credential).valid;
 * ```
 */
export function compileSchema(schema: Record<string, unknown>): (doc: unknown) => SchemaValidationResult {
  const registry = schemaRegistry();
  const id = typeof schema.$id === 'string' ? schema.$id.replace(/#$/, '') : undefined;
  if (id !== undefined && schemaDocuments.has(id)) {
    throw new Error(`The schema id ${id} belongs to a bundled schema.`);
  }
  let validator: ValidateFunction;
  try {
    validator = registry.compile(schema);
  } finally {
    registry.removeSchema(schema);
  }
  return (doc) => {
    if (validator(doc)) return { valid: true, errors: [] };
    const errors = describeSchemaErrors(validator.errors ?? [], (ref) =>
      schemaDocuments.get(ref.split('#')[0] ?? ''),
    );
    return { valid: false, errors };
  };
}
