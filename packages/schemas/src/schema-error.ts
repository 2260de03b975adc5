import type { ErrorObject } from 'ajv/dist/2019.js';

/**
 * One reason a document does not match its schema. `path` is a JSON Pointer to the offending field; for a
 * missing property it ends with that property's name.
 *
 * @example
 * ```ts
 * const error: SchemaError = { path: '/credentialSubject/achievement/alignment', message: 'is required' };
 * ```
 */
export interface SchemaError {
  path: string;
  message: string;
}

/** Looks up a referenced schema so a `contains: { $ref }` failure can be described by the target's title. */
export type SchemaLookup = (ref: string) => unknown;

function pointerSegment(name: string): string {
  return `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function titleOf(schema: unknown, lookup: SchemaLookup): string | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const record = schema as { title?: unknown; $ref?: unknown; const?: unknown };
  if (typeof record.title === 'string') return record.title;
  if ('const' in record) return JSON.stringify(record.const);
  if (typeof record.$ref === 'string') return titleOf(lookup(record.$ref), lookup);
  return undefined;
}

/**
 * Turns one ajv error into a {@link SchemaError}, or `undefined` for bookkeeping errors that carry no
 * information of their own (ajv reports an `if` failure next to the `then` failure that explains it).
 */
function toSchemaError(error: ErrorObject, lookup: SchemaLookup): SchemaError | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required': {
      // A titled `required`-only fragment (a `then`) says when the property is required, e.g. "unless
      // creditsAvailable is given"; a full object schema's title describes the object, not the rule.
      const fragment = error.parentSchema as { title?: unknown; properties?: unknown } | undefined;
      const condition = fragment?.properties === undefined ? fragment?.title : undefined;
      return {
        path: error.instancePath + pointerSegment(String(params.missingProperty)),
        message: typeof condition === 'string' ? `is required (${condition})` : 'is required',
      };
    }
    case 'additionalProperties':
      return {
        path: error.instancePath + pointerSegment(String(params.additionalProperty)),
        message: 'is not allowed here',
      };
    case 'enum':
      return {
        path: error.instancePath,
        message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path: error.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'contains': {
      const wanted = titleOf(error.schema, lookup) ?? 'an item matching the schema';
      const count = Number(params.minContains);
      return {
        path: error.instancePath,
        message: count === 1 ? `must contain ${wanted}` : `must contain at least ${count} of: ${wanted}`,
      };
    }
    case 'not': {
      // `not: { required: [x] }` is how our schemas forbid a property in some cases: name the property.
      const forbidden = (error.schema as { required?: unknown }).required;
      if (Array.isArray(forbidden) && forbidden.length === 1) {
        return {
          path: error.instancePath + pointerSegment(String(forbidden[0])),
          message: 'is not allowed here',
        };
      }
      return { path: error.instancePath, message: error.message ?? 'must not match' };
    }
    case 'anyOf':
    case 'oneOf': {
      const titles = Array.isArray(error.schema) ? error.schema.map((branch) => titleOf(branch, lookup)) : [];
      const described = titles.length > 0 && titles.every((title) => title !== undefined);
      return {
        path: error.instancePath,
        message: described
          ? `must ${error.keyword === 'oneOf' ? 'be exactly one of' : 'have'}: ${titles.join(' or ')}`
          : (error.message ?? 'must match a schema'),
      };
    }
    default:
      return { path: error.instancePath, message: error.message ?? 'is invalid' };
  }
}

/**
 * When `contains` fails, ajv (with `allErrors`) first reports why *each* item failed the `contains` subschema,
 * then the `contains` error itself. Those per-item errors are noise: an item need not match `contains`. They are
 * the contiguous run just before the `contains` error, on paths under the array; the run stops at errors from
 * the same array schema's `items`, which ajv evaluates earlier and which are real.
 */
function withoutContainsNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept = [...errors];
  for (let i = kept.length - 1; i >= 0; i--) {
    const error = kept[i];
    if (error === undefined || error.keyword !== 'contains') continue;
    const itemsPath = `${error.schemaPath.slice(0, -'/contains'.length)}/items`;
    let start = i;
    while (start > 0) {
      const previous = kept[start - 1];
      if (
        previous === undefined ||
        !previous.instancePath.startsWith(`${error.instancePath}/`) ||
        previous.schemaPath.startsWith(itemsPath)
      ) {
        break;
      }
      start--;
    }
    kept.splice(start, i - start);
    i = start;
  }
  return kept;
}

/**
 * When an `anyOf`/`oneOf` whose branches all have titles fails, its own error names every branch; the errors
 * ajv reports from inside each branch (each a reason that one branch did not match) are then noise, and they
 * would point at fields the user need not add. Untitled alternatives keep their branch errors: those are the
 * only explanation there is.
 *
 * ajv reports the branch errors as the contiguous run just before the combinator's error, on the same part of
 * the document. A branch error's schemaPath is under the combinator's, or, when the branch is a `$ref`,
 * somewhere else entirely (ajv restarts it at the referenced schema); errors from the combinator's sibling
 * keywords have the sibling's path and are kept.
 */
function withoutDescribedBranchNoise(errors: readonly ErrorObject[], lookup: SchemaLookup): ErrorObject[] {
  const kept = [...errors];
  for (let i = kept.length - 1; i >= 0; i--) {
    const error = kept[i];
    if (error === undefined || (error.keyword !== 'anyOf' && error.keyword !== 'oneOf')) continue;
    const branches = error.schema;
    if (!Array.isArray(branches) || !branches.every((branch) => titleOf(branch, lookup) !== undefined))
      continue;
    const parentPath = error.schemaPath.slice(0, -`/${error.keyword}`.length);
    let start = i;
    while (start > 0) {
      const previous = kept[start - 1];
      const underInstance =
        previous !== undefined &&
        (previous.instancePath === error.instancePath ||
          previous.instancePath.startsWith(`${error.instancePath}/`));
      const fromBranch =
        previous !== undefined &&
        (previous.schemaPath.startsWith(`${error.schemaPath}/`) ||
          !previous.schemaPath.startsWith(`${parentPath}/`));
      if (!underInstance || !fromBranch) break;
      start--;
    }
    kept.splice(start, i - start);
    i = start;
  }
  return kept;
}

/**
 * Converts ajv's errors into readable, de-duplicated {@link SchemaError}s. Needs ajv's `verbose` option so
 * each error carries the schema that failed.
 *
 * @example
 * ```ts
 * if (!validateFn(doc)) return describeSchemaErrors(validateFn.errors ?? [], (ref) => ajv.getSchema(ref)?.schema);
 * ```
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], lookup: SchemaLookup): SchemaError[] {
  const seen = new Set<string>();
  const described: SchemaError[] = [];
  for (const error of withoutContainsNoise(withoutDescribedBranchNoise(errors, lookup))) {
    const schemaError = toSchemaError(error, lookup);
    if (schemaError === undefined) continue;
    const key = `${schemaError.path}\u0000${schemaError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    described.push(schemaError);
  }
  return described;
}
