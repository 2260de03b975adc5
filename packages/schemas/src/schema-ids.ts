/**
 * Base URL of every Skills Passport JSON Schema `$id`. A schema's `$id` is this base plus its file name.
 *
 * @example
 * ```ts
 * `${SCHEMA_BASE_URL}micro-module.json`; // 'https://skills-passport.org/schemas/v1/micro-module.json'
 * ```
 */
export const SCHEMA_BASE_URL = 'https://skills-passport.org/schemas/v1/';

/**
 * `$id` of the official 1EdTech OB 3.0 AchievementCredential JSON Schema, as written inside that schema.
 * Our profiles `$ref` this id.
 *
 * @example
 * ```ts
 * schemaIdFor('open-badge-credential') === OPEN_BADGES_SCHEMA_ID; // true
 * ```
 */
export const OPEN_BADGES_SCHEMA_ID =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json';

/**
 * URL at which 1EdTech publishes the same OB 3.0 schema, and which the OB 3.0 specification's own examples
 * put in `credentialSchema`. {@link kindForSchemaId} recognises both this URL and {@link OPEN_BADGES_SCHEMA_ID}.
 *
 * @example
 * ```ts
 * kindForSchemaId(OPEN_BADGES_SCHEMA_URL); // 'open-badge-credential'
 * ```
 */
export const OPEN_BADGES_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/**
 * The `credentialSchema.type` 1EdTech defines for JSON Schema (draft 2019-09) validation of OB credentials.
 *
 * @example
 * ```ts
 * const entry = { id: schemaIdFor('micro-module'), type: CREDENTIAL_SCHEMA_TYPE };
 * ```
 */
export const CREDENTIAL_SCHEMA_TYPE = '1EdTechJsonSchemaValidator2019';

/**
 * Every kind of document this package can validate.
 *
 * @example
 * ```ts
 * SCHEMA_KINDS.includes('micro-module'); // true
 * ```
 */
export const SCHEMA_KINDS = [
  'open-badge-credential',
  'micro-module',
  'vendor-certification',
  'skills-passport',
  'job-requirements',
] as const;

/**
 * Name of one of the schemas: `open-badge-credential` is the official OB 3.0 schema, the others are ours.
 *
 * @example
 * ```ts
 * const kind: SchemaKind = 'vendor-certification';
 * ```
 */
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const SCHEMA_IDS: Readonly<Record<SchemaKind, string>> = {
  'open-badge-credential': OPEN_BADGES_SCHEMA_ID,
  'micro-module': `${SCHEMA_BASE_URL}micro-module.json`,
  'vendor-certification': `${SCHEMA_BASE_URL}vendor-certification.json`,
  'skills-passport': `${SCHEMA_BASE_URL}skills-passport.json`,
  'job-requirements': `${SCHEMA_BASE_URL}job-requirements.json`,
};

/**
 * Tells whether a string names a {@link SchemaKind}.
 *
 * @example
 * ```ts
 * isSchemaKind('micro-module'); // true
 * isSchemaKind('diploma'); // false
 * ```
 */
export function isSchemaKind(value: unknown): value is SchemaKind {
  return typeof value === 'string' && (SCHEMA_KINDS as readonly string[]).includes(value);
}

/**
 * The `$id` of a kind's schema, which is also what a credential puts in `credentialSchema[].id`.
 *
 * @example
 * ```ts
 * schemaIdFor('micro-module'); // 'https://skills-passport.org/schemas/v1/micro-module.json'
 * ```
 */
export function schemaIdFor(kind: SchemaKind): string {
  const id = SCHEMA_IDS[kind];
  if (id === undefined) throw new TypeError(`Unknown schema kind: ${String(kind)}`);
  return id;
}

/**
 * The kind whose schema has this id, for `credentialSchema` look-ups; `undefined` for a schema we do not know.
 * Both the OB schema's `$id` and its published URL map to `open-badge-credential`.
 *
 * @example
 * ```ts
 * for (const entry of credential.credentialSchema ?? []) {
 *   const kind = kindForSchemaId(entry.id);
 *   if (kind) validate(kind, credential);
 * }
 * ```
 */
export function kindForSchemaId(id: string): SchemaKind | undefined {
  if (id === OPEN_BADGES_SCHEMA_URL) return 'open-badge-credential';
  return SCHEMA_KINDS.find((kind) => SCHEMA_IDS[kind] === id);
}
