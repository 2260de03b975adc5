// @skills-passport/core: keys, DIDs, the offline document loader, issuing, verifying, baked badges and trust.

export { bake, bakePng, bakeSvg } from './bake/bake.js';
export { isImage } from './bake/image-type.js';
export { unbake } from './bake/unbake.js';
export type { UnbakedBadge } from './bake/unbaked-badge.js';
export type { ChallengeOutcome, ChallengeRecord, ChallengeStore } from './challenges/challenge-store.js';
export {
  type Challenge,
  type CreateChallengeOptions,
  createChallenge,
  DEFAULT_CHALLENGE_TTL_SECONDS,
  issueChallenge,
} from './challenges/create-challenge.js';
export {
  createMemoryChallengeStore,
  type MemoryChallengeStore,
  type MemoryChallengeStoreOptions,
} from './challenges/memory-challenge-store.js';
export { type Code, Codes } from './codes.js';
export type { DidDocumentCacheOptions } from './dids/did-document-cache.js';
export { getDidKeyResolver } from './dids/did-key-driver.js';
export { DidResolutionError, type DidResolutionErrorCode } from './dids/did-resolution-error.js';
export {
  createDidResolver,
  type DidResolver,
  type DidResolverOptions,
  type ResolvedVerificationMethod,
  type VerificationPurpose,
} from './dids/did-resolver.js';
export {
  createDidWebDocument,
  type DidWebDocumentOptions,
  type DidWebKey,
  didWebUrl,
} from './dids/did-web-document.js';
export { type DidWebDriverOptions, getDidWebResolver } from './dids/did-web-driver.js';
export { PassportError } from './errors.js';
export {
  type CredentialFormat,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
  type UnsignedCredential,
} from './issue/issue-credential.js';
export {
  type CreateIssuerRequest,
  createIssuerService,
  type IssueFailure,
  type IssueOutcome,
  type IssueRequest,
  type IssueResult,
  type IssuerProfile,
  type IssuerService,
  type IssuerServiceOptions,
  type StatusChange,
} from './issuer/issuer-service.js';
export type {
  IssuanceRecordShape,
  IssuedStatusShape,
  IssuerKeyRecordShape,
  IssuerRecordShape,
  IssuerStateStore,
  StatusListShape,
} from './issuer/issuer-state-store.js';
export { didKeyFor, type GenerateKeyOptions, generateKey } from './keys/generate-key.js';
export {
  exportJwk,
  exportMultikey,
  importJwk,
  importMultikey,
  type Jwk,
  type MultikeyDocument,
  publicKeyOf,
} from './keys/key-export.js';
export type { KeyType, PassportKeyPair } from './keys/key-pair.js';
export { keyTypeOfMultibase } from './keys/multikey-library.js';
export { bundledContexts, CLR_CONTEXT_URL, isBundledContext } from './loader/bundled-contexts.js';
export {
  createDocumentLoader,
  type DocumentLoader,
  DocumentLoaderError,
  type DocumentLoaderOptions,
  type RemoteDocument,
} from './loader/document-loader.js';
export type {
  CountedCredentials,
  MatchableCredential,
  NotCountedCredential,
} from './match/counted-credentials.js';
export {
  type MatchResult,
  matchRequirements,
  type RequirementMatch,
  type RequirementOutcome,
  type SkillEvidence,
} from './match/match-requirements.js';
export {
  createSafeFetch,
  type FetchLike,
  type HostLookup,
  SAFE_FETCH_DEFAULTS,
  type SafeFetch,
  type SafeFetchInit,
  type SafeFetchOptions,
  type SafeResponse,
} from './net/safe-fetch.js';
export { SafeFetchError, type SafeFetchErrorCode } from './net/safe-fetch-error.js';
export { createLinkedDocuments, type LinkedDocument, type LinkedDocuments } from './ob2/linked-documents.js';
export { isOb2Assertion, OB2_CONTEXTS, verificationTypeOf } from './ob2/ob2-assertion.js';
export { assertionUrlInput, type Ob2Input, ob2InputOf } from './ob2/ob2-input.js';
export { checkRecipient, type ExpectedRecipient } from './ob2/recipient-check.js';
export { checkHostedPolicy } from './ob2/verification-policy.js';
export {
  createOb2Verifier,
  type Ob2CallOptions,
  type Ob2VerifierOptions,
  type VerifyOb2Assertion,
} from './ob2/verify-ob2-assertion.js';
export { envelope, type PresentOptions, present } from './present/create-presentation.js';
export {
  type CredentialSelection,
  matchesSelection,
  readCredential,
  selectCredentials,
} from './present/select-credentials.js';
export { decodeStatusList, encodeStatusList, MAX_DECODED_LIST_BYTES } from './status/encoded-list.js';
export { createStatusChecker, type StatusCheckerOptions } from './status/status-checker.js';
export {
  freshnessOf,
  StatusListCache,
  type StatusListCacheOptions,
  type VerifiedStatusList,
} from './status/status-list-cache.js';
export {
  createStatusListCredential,
  type StatusListCredentialOptions,
  signStatusListCredential,
} from './status/status-list-credential.js';
export {
  type BitstringStatusListEntry,
  createStatusListEntry,
  type StatusPurpose,
  statusListUrl,
} from './status/status-list-entry.js';
export { type TrustedIssuer, TrustRegistry, type TrustRegistryDocument } from './trust/trust-registry.js';
export {
  createVerifier,
  type VerifierOptions,
  type Verify,
  type VerifyCallOptions,
  verify,
} from './verify/create-verifier.js';
export { endorsementsOf, MAX_ENDORSEMENTS, verifyEndorsements } from './verify/endorsements.js';
export { checkIdentifierRecipient } from './verify/identifier-recipient.js';
export {
  compareIdentity,
  hashAlgorithmOf,
  type IdentityComparison,
  isHashedIdentity,
  type StoredIdentity,
} from './verify/identity-hash.js';
export type { VerifyInput } from './verify/input.js';
export { MAX_PRESENTATION_CREDENTIALS } from './verify/presentation-credentials.js';
export { isEvidenceOnly } from './verify/presentation-holder.js';
export {
  CREDENTIAL_REFRESH_TYPE,
  type RefreshedInput,
  type RefreshOptions,
  refreshCredential,
  refreshServiceUrlOf,
} from './verify/refresh-service.js';
export type {
  CheckName,
  CheckResult,
  CredentialReport,
  CredentialSummary,
  EndorsementReport,
  EndorsementTarget,
  Outcome,
  SkillSummary,
  VerificationReport,
} from './verify/report.js';
export {
  checkDeclaredSchemas,
  checkSchema,
  type DeclaredSchemaOutcome,
  JSON_SCHEMA_VALIDATOR_TYPES,
  MAX_FETCHED_SCHEMAS_PER_CREDENTIAL,
} from './verify/schema-check.js';
export {
  createSchemaFetcher,
  type FetchedSchema,
  SCHEMA_FETCH_DEFAULTS,
  type SchemaCompiler,
  type SchemaFetcher,
  type SchemaFetcherOptions,
} from './verify/schema-fetcher.js';
export { type StatusChecker, statusNotChecked } from './verify/status-check.js';
export { achievementOf, frameworkOf, skillsOf, summarise } from './verify/summary.js';
export type { PresentationOptions, PresentationPolicy } from './verify/verify-presentation.js';
