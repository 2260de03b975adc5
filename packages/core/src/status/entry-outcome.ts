import { type Code, Codes } from '../codes.js';
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

/**
 * The answers every status method gives alike once it has tried to load its list: unreachable (`warn`, or `fail`
 * by policy; never "not revoked"), invalid, or issued by someone other than the credential's issuer. Otherwise
 * the list, for the method's own checks.
 *
 * @example
 * const usable = usableList(loaded, context, { fetching: 'The revocation list (1EdTech)', issuing: 'The revocation list' });
 * if ('problem' in usable) return usable.problem;
 */
export function usableList<T extends { issuer: string }>(
  loaded: ListOutcome<T>,
  context: EntryCheckContext,
  names: { fetching: string; issuing: string },
): { list: T } | { problem: EntryOutcome } {
  if (loaded.kind === 'unreachable') {
    return {
      problem: {
        outcome: context.unreachableOutcome,
        code: Codes.statusListUnreachable,
        message: `${names.fetching} could not be fetched, so the status is unknown: ${loaded.message}`,
      },
    };
  }
  if (loaded.kind === 'invalid') return { problem: failed(Codes.statusListInvalid, loaded.message) };
  if (loaded.list.issuer !== context.credentialIssuer) {
    return {
      problem: failed(
        Codes.statusListInvalid,
        `${names.issuing} was issued by ${loaded.list.issuer}, not by the credential's issuer ${String(context.credentialIssuer)}.`,
      ),
    };
  }
  return { list: loaded.list };
}
