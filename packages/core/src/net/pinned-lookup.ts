import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './address-policy.js';
import type { HostLookup } from './safe-fetch.js';

/** The error code a refused connection carries, so the safe fetch can report `fetch-address-not-allowed`. */
export const ADDRESS_NOT_ALLOWED = 'SKILLS_PASSPORT_ADDRESS_NOT_ALLOWED';

/**
 * The DNS lookup the connection itself uses (node's `net.connect` `lookup` option): it resolves the host again
 * and refuses to connect when any address is not public. Checking before the request is not enough on its own: a
 * hostile DNS server can answer the check with a public address and the connection, a moment later, with
 * 127.0.0.1 (DNS rebinding). Here the address checked is the address connected to.
 *
 * @example
 * new Agent({ connect: { lookup: publicOnlyLookup(lookup) } });
 */
export function publicOnlyLookup(lookup: HostLookup): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    lookup(host).then(
      (answers) => {
        const refused =
          answers.length === 0 ? host : answers.find((a) => !isPublicAddress(a.address))?.address;
        if (refused !== undefined) {
          const error = new Error(`${host} resolved to ${refused}, which is not a public internet address.`);
          callback(Object.assign(error, { code: ADDRESS_NOT_ALLOWED }), '', 0);
          return;
        }
        const resolved: LookupAddress[] = answers.map((answer) => ({
          address: answer.address,
          family: isIP(answer.address),
        }));
        if (options?.all) callback(null, resolved);
        else callback(null, resolved[0]!.address, resolved[0]!.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    );
  };
}
