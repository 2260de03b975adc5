import type { IssuanceRecord, IssuerStore } from '../issuer-store.js';
import { readBit } from '../status/bitstring.js';
import { aggregateIssuances } from './aggregate-issuances.js';
import type { DemandProfile } from './demand-profile.js';
import { type InsightsQuery, resolveInsightsQuery } from './insights-query.js';
import type { InsightsReport } from './insights-report.js';
import { skillsGap } from './skills-gap.js';

/** What insights read of a store: the issuance log and the status lists. */
export type InsightsSource = Pick<IssuerStore, 'listIssuances' | 'getStatusList'>;

/**
 * The anonymised skills-supply report of an area (or all areas) over a month range, read from the issuance
 * log: revoked credentials are left out (their revocation bit is read from the status list), then
 * {@link aggregateIssuances} counts and suppresses. With `demand`, the report also sets demand against
 * supply per skill ({@link skillsGap}). Throws `InsightsError` for a bad query (k < 5, bad months).
 *
 * @example
 * const report = await skillsSupply(store, { area: 'E08000035', from: '2026-01', to: '2026-12', k: 10 });
 */
export async function skillsSupply(
  store: InsightsSource,
  query: InsightsQuery & { demand?: DemandProfile | undefined },
): Promise<InsightsReport> {
  const resolved = resolveInsightsQuery(query);
  const lists = new Map<string, Uint8Array | null>();
  const counted: IssuanceRecord[] = [];
  for await (const record of store.listIssuances({
    from: resolved.fromInstant,
    to: resolved.toInstant,
    ...(resolved.area !== null ? { areaCode: resolved.area } : {}),
  })) {
    if (!(await isRevoked(store, lists, record))) counted.push(record);
  }
  const report = aggregateIssuances(counted, query);
  return query.demand ? skillsGap(report, query.demand) : report;
}

/**
 * Whether any revocation entry of the record has its bit set. Each list's bits are read once per report
 * (one read instead of one per credential); a list the store no longer has cannot revoke anything.
 * Suspension is temporary, so a suspended credential still counts as supply.
 */
async function isRevoked(
  store: InsightsSource,
  lists: Map<string, Uint8Array | null>,
  record: IssuanceRecord,
): Promise<boolean> {
  for (const entry of record.status) {
    if (entry.purpose !== 'revocation') continue;
    let bits = lists.get(entry.listId);
    if (bits === undefined) {
      bits = (await store.getStatusList(entry.listId))?.bits ?? null;
      lists.set(entry.listId, bits);
    }
    if (bits && readBit(bits, entry.index)) return true;
  }
  return false;
}
