import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaKind } from '@skills-passport/schemas';

/** examples/credentials/ at the repository root: the examples are shared with docs and other packages. */
export const EXAMPLES_DIR = new URL('../../../examples/credentials/', import.meta.url);

/** ../shared/reference (read-only, outside the repository); absent on a plain clone. */
export const REFERENCE_DIR = new URL('../../../../shared/reference/', import.meta.url);
export const hasReference = existsSync(fileURLToPath(REFERENCE_DIR));

export interface ValidExample {
  file: string;
  schemas: SchemaKind[];
  notes: string;
}

export interface CounterExample {
  file: string;
  schema: SchemaKind;
  expectedPath: string;
  why: string;
}

export interface ExampleManifest {
  valid: ValidExample[];
  invalid: CounterExample[];
}

export function readJson(base: URL, file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, base), 'utf8'));
}

export const manifest = readJson(EXAMPLES_DIR, 'manifest.json') as ExampleManifest;

export function readExample(file: string): Record<string, unknown> {
  return readJson(EXAMPLES_DIR, file) as Record<string, unknown>;
}
