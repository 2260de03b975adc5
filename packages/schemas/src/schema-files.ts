import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Folder holding the JSON Schema files. The language-neutral source of truth is the repository's top-level
 * `schemas/`; the package build copies it to `packages/schemas/schemas/` so the published package (run from
 * `dist/`) carries its own copy. Running from TypeScript source means we are inside the monorepo, and there
 * the top-level folder wins so tests never read a stale build copy.
 */
function schemaDirectory(): URL {
  const runningFromSource = import.meta.url.endsWith('.ts');
  const candidates = runningFromSource
    ? [new URL('../../../schemas/', import.meta.url), new URL('../schemas/', import.meta.url)]
    : [new URL('../schemas/', import.meta.url), new URL('../../../schemas/', import.meta.url)];
  const found = candidates.find((dir) => existsSync(fileURLToPath(new URL('context/v1.json', dir))));
  if (found === undefined) {
    throw new Error(
      `Skills Passport schema files not found (looked in ${candidates.map((d) => fileURLToPath(d)).join(', ')})`,
    );
  }
  return found;
}

let directory: URL | undefined;

/**
 * Reads and parses one file of the schema folder, e.g. `micro-module.json` or `context/v1.json`.
 *
 * @example
 * ```ts
 * const schema = readSchemaFile('job-requirements.json') as { $id: string };
 * ```
 */
export function readSchemaFile(relativePath: string): unknown {
  directory ??= schemaDirectory();
  return JSON.parse(readFileSync(new URL(relativePath, directory), 'utf8'));
}
