import { compiledValidator, SCHEMA_KINDS, validate } from '@skills-passport/schemas';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it, vi } from 'vitest';
import { manifest, readExample } from './example-files.js';

describe('validate', () => {
  it('compiles each schema once and reuses the same validator for every later call', () => {
    const first = SCHEMA_KINDS.map((kind) => compiledValidator(kind));
    for (const example of manifest.valid)
      for (const kind of example.schemas) validate(kind, readExample(example.file));
    // ajv compiles a schema in its private _compileSchemaEnv; after warm-up nothing may reach it again.
    const compile = vi.spyOn(
      Ajv2019.prototype as unknown as { _compileSchemaEnv: () => unknown },
      '_compileSchemaEnv',
    );
    for (let round = 0; round < 20; round++) {
      for (const example of [...manifest.valid, ...manifest.invalid]) {
        const kinds = 'schemas' in example ? example.schemas : [example.schema];
        for (const kind of kinds) validate(kind, readExample(example.file));
      }
    }
    expect(compile).not.toHaveBeenCalled();
    expect(SCHEMA_KINDS.map((kind) => compiledValidator(kind))).toEqual(first);
    compile.mockRestore();
  });

  it('reports a missing property at the path of that property', () => {
    const { valid, errors } = validate('job-requirements', { requirements: [] });
    expect(valid).toBe(false);
    expect(errors).toContainEqual({ path: '/title', message: 'is required' });
  });

  it('rejects a document that is not an object without throwing', () => {
    for (const doc of [null, 42, 'text', []]) {
      expect(validate('micro-module', doc).valid).toBe(false);
    }
  });

  it('throws a TypeError for an unknown kind, a programming error', () => {
    expect(() => validate('diploma' as never, {})).toThrow(TypeError);
  });
});
