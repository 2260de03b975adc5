import { describe, expect, it } from 'vitest';
import { createSchemaFetcher, type SchemaCompiler } from '../../src/index.js';
import { recordingFetch } from './ob3-fixtures.js';

const URL_A = 'https://schemas.example.org/a.json';
const URL_B = 'https://schemas.example.org/b.json';

/** A stand-in compiler that understands top-level `required` only, and counts what it compiled. */
function requiredOnly(): SchemaCompiler & { compiled: string[] } {
  const compiled: string[] = [];
  const compile = ((schema: Record<string, unknown>) => {
    if (!Array.isArray(schema.required)) throw new Error('no required list');
    compiled.push(String(schema.$id));
    const required = schema.required as string[];
    return (document: unknown) => {
      const missing = required.filter((key) => !(key in (document as object)));
      return {
        valid: missing.length === 0,
        errors: missing.map((key) => ({ path: `/${key}`, message: 'is required' })),
      };
    };
  }) as SchemaCompiler & { compiled: string[] };
  compile.compiled = compiled;
  return compile;
}

describe('the schema fetcher (allowSchemaFetch)', () => {
  it('fetches and compiles each schema once, however often and however concurrently it is asked for', async () => {
    const web = recordingFetch();
    web.serve(URL_A, { $id: URL_A, required: ['credentialSubject'] });
    const compile = requiredOnly();
    const fetchSchema = createSchemaFetcher({ safeFetch: web.safeFetch, compile });
    const [first, second] = await Promise.all([fetchSchema(URL_A), fetchSchema(URL_A)]);
    const third = await fetchSchema(URL_A);
    expect(first).toBe(second);
    expect(third).toBe(first);
    expect('validate' in first && first.validate({}).errors).toEqual([
      { path: '/credentialSubject', message: 'is required' },
    ]);
    expect(web.requests).toEqual([URL_A]);
    expect(compile.compiled).toEqual([URL_A]);
  });

  it('reports unusable answers in plain words and tries again next time', async () => {
    const web = recordingFetch();
    const fetchSchema = createSchemaFetcher({
      safeFetch: web.safeFetch,
      compile: requiredOnly(),
      maxBytes: 200,
    });
    expect(await fetchSchema(URL_A)).toEqual({ problem: 'the server answered HTTP 404' });
    web.serve(URL_A, 'not json at all');
    expect(await fetchSchema(URL_A)).toEqual({ problem: 'the answer is not JSON' });
    web.serve(URL_A, [1, 2]);
    expect(await fetchSchema(URL_A)).toEqual({ problem: 'the answer is not a JSON Schema object' });
    web.serve(URL_A, { type: 'object' });
    expect(await fetchSchema(URL_A)).toEqual({ problem: 'the schema cannot be compiled: no required list' });
    web.serve(URL_A, { required: ['x'], description: 'x'.repeat(300) });
    expect(await fetchSchema(URL_A)).toEqual({ problem: 'the schema is larger than 200 bytes' });
    expect(web.requests).toEqual([URL_A, URL_A, URL_A, URL_A, URL_A]);
  });

  it('refuses what the safe fetch refuses, without sending anything', async () => {
    const web = recordingFetch();
    const fetchSchema = createSchemaFetcher({ safeFetch: web.safeFetch, compile: requiredOnly() });
    const outcome = await fetchSchema('http://schemas.example.org/plain-http.json');
    expect('problem' in outcome && outcome.problem).toContain('https');
    expect(web.requests).toEqual([]);
  });

  it('keeps at most maxEntries compiled schemas, dropping the oldest', async () => {
    const web = recordingFetch();
    web.serve(URL_A, { $id: URL_A, required: [] });
    web.serve(URL_B, { $id: URL_B, required: [] });
    const fetchSchema = createSchemaFetcher({
      safeFetch: web.safeFetch,
      compile: requiredOnly(),
      maxEntries: 1,
    });
    await fetchSchema(URL_A);
    await fetchSchema(URL_B);
    await fetchSchema(URL_A);
    expect(web.requests).toEqual([URL_A, URL_B, URL_A]);
  });
});
