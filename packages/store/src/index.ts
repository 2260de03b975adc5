export { SecretBox, storeSecretId } from './crypto/secret-box.js';
export {
  DEV_SECRET_FILE,
  parseStoreSecret,
  resolveStoreSecret,
  STORE_SECRET_ENV,
} from './crypto/store-secret.js';
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
