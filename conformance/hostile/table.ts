// The shape of conformance/hostile/cases.json: the hostile cases, what each must produce, and the in-process
// network scenarios they run against. Written by generate.ts, read by ../hostile.test.ts.
import type { CheckName, Code, Outcome } from '../../packages/core/src/index.js';

/** The verifier clock every case runs at, unless a case pins another. */
export const CORPUS_NOW = '2026-06-01T00:00:00Z';

/** One answer a scenario gives for one URL. Everything is served in-process by the test's injected fetch. */
export interface Route {
  /** HTTP status (default 200). */
  status?: number;
  /** Body: a file under conformance/hostile/ (served verbatim). */
  file?: string;
  /** Body: inline text. */
  body?: string;
  /** `Location` header, for redirects. */
  location?: string;
  /** A declared `Content-Length` (the body sent is tiny: the verifier must refuse before reading). */
  contentLength?: number;
  /** Stream this many bytes with no declared length (a huge response). */
  streamBytes?: number;
  /** Never answer (`response`), or answer the headers and one chunk and then stall (`body`). */
  hang?: 'response' | 'body';
}

/** A named network: what DNS says and what each URL serves. Any other URL is a test failure if fetched. */
export interface Scenario {
  description: string;
  /** hostname -> addresses the injected DNS lookup returns; a host not listed does not resolve. */
  dns: Record<string, string[]>;
  routes: Record<string, Route>;
}

/** A case too big to keep as a file: the test builds it (see recipes.ts). */
export interface Recipe {
  recipe:
    | 'text-bytes'
    | 'uint8-bytes'
    | 'deep-array-text'
    | 'deep-object'
    | 'deep-jwt-payload'
    | 'wide-array-subject'
    | 'wide-array-text'
    | 'long-string-name'
    | 'long-property-name'
    | 'many-proofs'
    | 'many-alignments'
    | 'many-credentials'
    | 'huge-jwt';
  /** Bytes, depth or element count, by recipe. */
  size: number;
}

export interface HostileCase {
  /** `<class>/<name>`: unique. */
  id: string;
  class: 'control' | 'signature' | 'jwt' | 'jsonld' | 'did' | 'status' | 'presentation' | 'resource';
  description: string;
  /** The case file, relative to conformance/hostile/; absent when `generate` builds it at test time. */
  file?: string;
  generate?: Recipe;
  /** How the input reaches `verify`: a parsed JSON object, the file's text, or its raw bytes. */
  as: 'object' | 'text' | 'bytes';
  /** The check and code that must appear in the report (top level or any credential's checks). */
  expect: { check: CheckName; code: Code; outcome: Outcome };
  /** Whether the report as a whole is verified (false for every hostile case; true only for controls). */
  verified: boolean;
  options: {
    /** The verifier's pinned clock (ISO date-time). */
    now: string;
    /** The network scenario (a key of `scenarios`). */
    scenario: string;
    /** Presentation challenge and domain the verifier expects. */
    challenge?: string;
    domain?: string;
    /** Safe-fetch time budget for this case (ms); slow-response cases set it low so they finish well within 2 s. */
    fetchTimeoutMs?: number;
    /**
     * A challenge store for the verifier: challenges it issued (valid ten minutes from `now`) and those already
     * used up by an earlier presentation. Absent: no store, only the call's `challenge` is compared.
     */
    challenges?: { issued: string[]; used: string[] };
  };
  /** Exactly the URLs the verifier may fetch for this case (each must be a route of the scenario). */
  fetches: string[];
}

export interface CaseTable {
  generatedBy: string;
  now: string;
  scenarios: Record<string, Scenario>;
  cases: HostileCase[];
}
