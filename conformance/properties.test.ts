// Property-based tests (fast-check): a signed credential cannot be changed in any single place and still verify,
// and no input, however random, makes `verify` throw or return anything but a failed report with a code.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Codes,
  createDocumentLoader,
  createVerifier,
  type FetchLike,
  type HostLookup,
  type VerificationReport,
} from '../packages/core/src/index.js';

type Json = Record<string, any>;
type Path = Array<string | number>;

const ROOT = new URL('./hostile/cases/control/', import.meta.url);
const signedDi = JSON.parse(readFileSync(new URL('di-valid.json', ROOT), 'utf8')) as Json;
const signedJwt = readFileSync(new URL('jwt-valid.jwt', ROOT), 'utf8').trim();
const RUNS = 1000;
const KNOWN_CODES = new Set<string>(Object.values(Codes));

// Nothing here may reach a network: every lookup and fetch fails loudly and is counted.
let networkCalls = 0;
const noFetch: FetchLike = async (url) => {
  networkCalls++;
  throw new Error(`unexpected fetch of ${url}`);
};
const noLookup: HostLookup = async (host) => {
  networkCalls++;
  throw new Error(`unexpected lookup of ${host}`);
};
// One verifier for every run; the result cache is off so every mutation is really checked.
const verify = createVerifier({
  now: () => new Date('2026-06-01T00:00:00Z'),
  resolverOptions: { fetch: noFetch, lookup: noLookup },
  resultCache: { maxEntries: 0 },
  proofWorkers: 0,
});

/** Every path in a JSON document: to each object, array and leaf (the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (!value || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'add'; path: Path; key: string; value: unknown };

/** Applies one mutation to a copy; `undefined` when it would leave the document as it was. */
function mutate(document: Json, mutation: Mutation): Json | undefined {
  const copy = structuredClone(document);
  const parentPath = mutation.kind === 'add' ? mutation.path : mutation.path.slice(0, -1);
  let parent: any = copy;
  for (const key of parentPath) parent = parent[key];
  if (mutation.kind === 'add') {
    if (!parent || typeof parent !== 'object') return undefined;
    if (Array.isArray(parent)) parent.push(mutation.value);
    else {
      if (mutation.key in parent) return undefined;
      parent[mutation.key] = mutation.value;
    }
  } else {
    const key = mutation.path.at(-1)!;
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else parent[key] = mutation.value;
  }
  return isDeepStrictEqual(copy, document) ? undefined : copy;
}

/** null and empty lists (however nested) mean "absent" in JSON-LD: adding one changes nothing that is signed. */
function absentInJsonLd(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.every(absentInJsonLd));
}

/** A new value: any JSON except one JSON-LD reads as absent (removing a value is covered by `delete`). */
const newValue = fc.jsonValue({ maxDepth: 2 }).filter((value) => !absentInJsonLd(value));

function mutations(document: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(document);
  const containers = [
    [],
    ...paths.filter((path) => {
      let node: any = document;
      for (const key of path) node = node[key];
      return node && typeof node === 'object';
    }),
  ] as Path[];
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...paths), value: newValue }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
    fc.record({
      kind: fc.constant('add' as const),
      path: fc.constantFrom(...containers),
      key: fc.string({ minLength: 1, maxLength: 12 }),
      value: newValue,
    }),
  );
}

const documentLoader = createDocumentLoader();

/** The cryptosuite's own canonicalization (jsonld safe mode + RDFC-1.0), the exact bytes its signatures cover. */
interface Canonizer {
  canonize(input: object, options: { documentLoader: unknown }): Promise<string>;
}

/**
 * What a Data Integrity signature covers: the canonical RDF of the document without its proofs, and of each proof's
 * options, plus the proof values themselves. Two documents with the same fingerprint carry the same signed
 * statements (an added empty inline context, say), so a proof over one is rightly a proof over the other.
 */
async function signedFingerprint(document: Json): Promise<string> {
  const canonical = (input: Json) =>
    (eddsaRdfc2022 as Canonizer)
      .canonize(input, { documentLoader })
      .catch((error: Error) => `unreadable: ${error.message}`);
  const { proof, ...unsigned } = document;
  const entries = proof === undefined ? [] : Array.isArray(proof) ? proof : [proof];
  const proofs = await Promise.all(
    entries.map(async (entry) => {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return JSON.stringify(entry);
      const { proofValue, ...options } = entry;
      return JSON.stringify([await canonical({ ...options, '@context': document['@context'] }), proofValue]);
    }),
  );
  return JSON.stringify([Array.isArray(proof), await canonical(unsigned), proofs]);
}

function proofOutcome(report: VerificationReport): string | undefined {
  const checks = [...report.checks, ...report.credentials.flatMap((credential) => credential.checks)];
  return checks.find((check) => check.check === 'proof')?.outcome;
}

function assertFailedReport(report: VerificationReport): void {
  expect(report.verified).toBe(false);
  const checks = [...report.checks, ...report.credentials.flatMap((credential) => credential.checks)];
  const failed = checks.filter((check) => check.outcome === 'fail');
  expect(failed.length).toBeGreaterThan(0);
  for (const check of failed) expect(KNOWN_CODES.has(check.code), check.code).toBe(true);
}

describe('a signed credential changed in any single place no longer verifies', () => {
  it('Data Integrity: after a replace, delete or add anywhere the proof passes only if the signed statements are unchanged (1,000 runs)', async () => {
    expect((await verify(signedDi)).verified).toBe(true);
    const original = await signedFingerprint(signedDi);
    let sameStatements = 0;
    await fc.assert(
      fc.asyncProperty(mutations(signedDi), async (mutation) => {
        const mutated = mutate(signedDi, mutation);
        fc.pre(mutated !== undefined);
        const report = await verify(mutated!);
        if (report.verified || proofOutcome(report) === 'pass') {
          // Allowed only when the signed statements are the same in another JSON spelling (an added empty inline
          // context, say): then the proof rightly still holds. Counted, not hidden.
          expect(await signedFingerprint(mutated!)).toBe(original);
          sameStatements++;
        }
      }),
      { numRuns: RUNS },
    );
    // Nearly every mutation changes what is signed; if most did not, the generator would be testing nothing.
    expect(sameStatements).toBeLessThan(RUNS / 20);
  }, 120_000);

  it('JWT: the signature never passes after a replace, delete or add anywhere in the payload (1,000 runs)', async () => {
    expect((await verify(signedJwt)).verified).toBe(true);
    const [header, payloadPart, signature] = signedJwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as Json;
    await fc.assert(
      fc.asyncProperty(mutations(payload), async (mutation) => {
        const mutated = mutate(payload, mutation);
        fc.pre(mutated !== undefined);
        const forged = `${header}.${Buffer.from(JSON.stringify(mutated)).toString('base64url')}.${signature}`;
        const report = await verify(forged);
        expect(report.verified).toBe(false);
        expect(proofOutcome(report)).not.toBe('pass');
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('random input never throws out of verify and always gets a failed report with a code', () => {
  it('random bytes (1,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        assertFailedReport(await verify(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  it('random text, including JWT-shaped and data: URL text (1,000 runs)', async () => {
    const part = fc
      .base64String({ maxLength: 200 })
      .map((text) => text.replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_'));
    const text = fc.oneof(
      fc.string({ maxLength: 500, unit: 'binary' }),
      fc.tuple(part, part, part).map((parts) => parts.join('.')),
      fc.tuple(part, part).map(([a, b]) => `eyJ${a}.eyJ${b}.`),
      part.map((jwt) => `data:application/vc+jwt,${jwt}`),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        assertFailedReport(await verify(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('random JSON, as text and as an object (1,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), async (value, asText) => {
        const input = asText ? JSON.stringify(value) : value;
        assertFailedReport(await verify(input as object));
      }),
      { numRuns: RUNS },
    );
  });

  it('random credential-shaped JSON that reaches the proof and date checks (1,000 runs)', async () => {
    const maybe = <T>(real: T) => fc.oneof(fc.constant(real), fc.jsonValue({ maxDepth: 3 }));
    const shaped = fc.record(
      {
        '@context': maybe(signedDi['@context']),
        id: maybe(signedDi.id),
        type: maybe(signedDi.type),
        issuer: maybe(signedDi.issuer),
        validFrom: maybe(signedDi.validFrom),
        validUntil: newValue,
        credentialSubject: maybe(signedDi.credentialSubject),
        credentialStatus: newValue,
        proof: maybe(signedDi.proof),
      },
      { requiredKeys: ['@context', 'type', 'issuer', 'credentialSubject', 'proof'] },
    );
    await fc.assert(
      fc.asyncProperty(shaped, async (document) => {
        fc.pre(!isDeepStrictEqual(document, signedDi));
        const report = await verify(document);
        expect(report.verified).toBe(false);
        expect(report.checks.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('made no network call in any of the runs above', () => {
    expect(networkCalls).toBe(0);
  });
});
