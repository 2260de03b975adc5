// @skills-passport/core: keys, DIDs, the offline document loader, issuing, verifying, baked badges and trust.

export { bake, bakePng, bakeSvg } from './bake/bake.js';
export { isImage } from './bake/image-type.js';
export { unbake } from './bake/unbake.js';
export type { UnbakedBadge } from './bake/unbaked-badge.js';
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
export { type TrustedIssuer, TrustRegistry, type TrustRegistryDocument } from './trust/trust-registry.js';
export {
  createVerifier,
  type VerifierOptions,
  type Verify,
  type VerifyCallOptions,
  verify,
} from './verify/create-verifier.js';
export type { VerifyInput } from './verify/input.js';
export type {
  CheckName,
  CheckResult,
  CredentialReport,
  CredentialSummary,
  Outcome,
  SkillSummary,
  VerificationReport,
} from './verify/report.js';
export { type StatusChecker, statusNotChecked } from './verify/status-check.js';
export { achievementOf, frameworkOf, skillsOf, summarise } from './verify/summary.js';
