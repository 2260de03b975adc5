export { SecretBox, storeSecretId } from './crypto/secret-box.js';
export {
  DEV_SECRET_FILE,
  parseStoreSecret,
  resolveStoreSecret,
  STORE_SECRET_ENV,
} from './crypto/store-secret.js';
export {
  aggregateIssuances,
  skillKey,
  splitSkillKey,
  UNSPECIFIED,
} from './insights/aggregate-issuances.js';
export {
  type DemandJob,
  type DemandJobRequirements,
  type DemandProfile,
  type DemandRequirement,
  openingsOf,
  parseDemandProfile,
} from './insights/demand-profile.js';
export { type AuditedTable, auditAreaMonth } from './insights/disclosure-audit.js';
export { INSIGHTS_CSV_COLUMNS, insightsCsv } from './insights/insights-csv.js';
export { InsightsError, type InsightsErrorCode, InsightsErrorCodes } from './insights/insights-error.js';
export {
  DEFAULT_INSIGHTS_K,
  type InsightsQuery,
  MAX_INSIGHTS_MONTHS,
  MIN_INSIGHTS_K,
  monthOf,
  type ResolvedInsightsQuery,
  resolveInsightsQuery,
} from './insights/insights-query.js';
export {
  type DemandSummary,
  INSIGHTS_METHOD,
  type InsightCell,
  type InsightCellStatus,
  type InsightsReport,
  type SkillGap,
  type SkillInsightCell,
} from './insights/insights-report.js';
export { skillsGap } from './insights/skills-gap.js';
export { type InsightsSource, skillsSupply } from './insights/skills-supply.js';
export { type RawCell, suppressTable } from './insights/suppress-table.js';
export type {
  ChallengeOutcome,
  ChallengeRecord,
  IssuanceKind,
  IssuanceLevel,
  IssuanceQuery,
  IssuanceRecord,
  IssuedSkill,
  IssuedStatus,
  IssuerKeyRecord,
  IssuerRecord,
  IssuerStore,
  IssuerSummary,
  StatusAllocation,
  StatusList,
  StatusListSummary,
  StatusPurpose,
} from './issuer-store.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { DEFAULT_STORE_URL, openStore } from './open-store.js';
export { PostgresIssuerStore } from './postgres/postgres-store.js';
export { SqliteIssuerStore } from './sqlite/sqlite-store.js';
export { bitPosition, readBit, writeBit } from './status/bitstring.js';
export { IndexPermutation } from './status/index-permutation.js';
export { DEFAULT_STATUS_LIST_SIZE, MAX_ALLOCATION_COUNT } from './status/status-list-rules.js';
export { StoreError, type StoreErrorCode, StoreErrorCodes } from './store-error.js';
export type { StoreOptions } from './store-options.js';
