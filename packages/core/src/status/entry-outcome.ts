import type { Code } from '../codes.js';
import type { Outcome } from '../verify/report.js';
import type { ListOutcome, ListReader } from './published-list.js';

/** What checking one `credentialStatus` entry came to; the checker combines the entries into one `status` check. */
export interface EntryOutcome {
  outcome: Outcome;
  code: Code;
  message: string;
}

/** What a status method's entry check is given besides the entry itself. */
export interface EntryCheckContext {
  /** Loads a list through the checker's safe fetch, cache and in-flight de-duplication. */
  load<T>(url: string, reader: ListReader<T>): Promise<ListOutcome<T>>;
  /** The credential being checked (its id is what a 1EdTech revocation list names). */
  credential: Record<string, unknown>;
  /** The credential's issuer id: every list must come from it. */
  credentialIssuer: string | undefined;
  /** What an unreachable list is: `warn` (status unknown) or `fail`, per the verifier's policy. */
  unreachableOutcome: Outcome;
  now: () => Date;
  /** Fewest entries a Bitstring Status List may have (the spec's 131,072 unless lowered for tests). */
  minimumListBits: number;
}

export function failed(code: Code, message: string): EntryOutcome {
  return { outcome: 'fail', code, message };
}
