import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_KINDS, validate } from '@skills-passport/schemas';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, manifest, readExample } from './example-files.js';

describe('examples/credentials', () => {
  it.each(manifest.valid.flatMap((example) => example.schemas.map((schema) => ({ ...example, schema }))))(
    '$file is a valid $schema',
    ({ file, schema }) => {
      expect(validate(schema, readExample(file))).toEqual({ valid: true, errors: [] });
    },
  );

  it.each(manifest.invalid)('$file fails $schema at $expectedPath', ({ file, schema, expectedPath }) => {
    const { valid, errors } = validate(schema, readExample(file));
    expect(valid).toBe(false);
    expect(errors.map((error) => error.path)).toContain(expectedPath);
  });

  it('has at least one example and one counter-example for every schema', () => {
    for (const kind of SCHEMA_KINDS) {
      expect(
        manifest.valid.some((example) => example.schemas.includes(kind)),
        kind,
      ).toBe(true);
      expect(
        manifest.invalid.some((example) => example.schema === kind),
        kind,
      ).toBe(true);
    }
  });

  it('lists every example file in the manifest, so none goes untested', () => {
    const listed = new Set([...manifest.valid, ...manifest.invalid].map((example) => example.file));
    const onDisk = [
      ...readdirSync(fileURLToPath(EXAMPLES_DIR)).filter((name) => name.endsWith('.json')),
      ...readdirSync(fileURLToPath(new URL('invalid/', EXAMPLES_DIR))).map((name) => `invalid/${name}`),
    ].filter((file) => file !== 'manifest.json');
    expect(onDisk.sort()).toEqual([...listed].sort());
  });

  it('describes every example in README.md, with the expected path of each counter-example', () => {
    const readme = readFileSync(fileURLToPath(new URL('README.md', EXAMPLES_DIR)), 'utf8');
    for (const example of manifest.valid) expect(readme).toContain(`(${example.file})`);
    for (const example of manifest.invalid) {
      expect(readme).toContain(`(${example.file})`);
      expect(readme).toContain(`\`${example.expectedPath}\``);
    }
  });
});
