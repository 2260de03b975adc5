/**
 * Every stable code the library, the service and the CLI report. Tests assert these codes, never message text.
 * docs/verification-codes.md explains each one with a fix hint; keep the two in step.
 */
export const Codes = {
  // format
  formatOk: 'format-ok',
  inputEmpty: 'input-empty',
  inputTooLarge: 'input-too-large',
  inputNotJson: 'input-not-json',
  inputTooDeep: 'input-too-deep',
  jwtMalformed: 'jwt-malformed',
  contextMissing: 'context-missing',
  contextUnknown: 'context-unknown',
  contextInvalid: 'context-invalid',
  typeMissing: 'type-missing',
  // proof
  proofOk: 'proof-ok',
  proofMissing: 'proof-missing',
  proofInvalid: 'proof-invalid',
  proofUnsupported: 'proof-unsupported',
  proofPurposeInvalid: 'proof-purpose-invalid',
  jwtAlgNotAllowed: 'jwt-alg-not-allowed',
  jwtHeaderNotAllowed: 'jwt-header-not-allowed',
  jwtClaimsMismatch: 'jwt-claims-mismatch',
  keyNotFound: 'key-not-found',
  keyNotAuthorized: 'key-not-authorized',
  didMethodUnsupported: 'did-method-unsupported',
  didResolutionFailed: 'did-resolution-failed',
  didAddressNotAllowed: 'did-address-not-allowed',
  // validity
  validityOk: 'validity-ok',
  expired: 'expired',
  notYetValid: 'not-yet-valid',
  validityInvalidDate: 'validity-invalid-date',
  // schema
  schemaOk: 'schema-ok',
  schemaInvalid: 'schema-invalid',
  schemaUnknown: 'schema-unknown',
  // issuer
  issuerTrusted: 'issuer-trusted',
  issuerUnknown: 'issuer-unknown',
  issuerNotAuthorized: 'issuer-not-authorized',
  issuerKeyUnconfirmed: 'issuer-key-unconfirmed',
  issuerMismatch: 'issuer-mismatch',
  issuerMissing: 'issuer-missing',
  // status
  statusOk: 'status-ok',
  statusNotChecked: 'status-not-checked',
  statusNone: 'status-none',
  revoked: 'revoked',
  suspended: 'suspended',
  statusListUnreachable: 'status-list-unreachable',
  statusListInvalid: 'status-list-invalid',
  statusTypeUnsupported: 'status-type-unsupported',
  // presentation: holder, challenge
  holderOk: 'holder-ok',
  holderMismatch: 'holder-mismatch',
  holderProofInvalid: 'holder-proof-invalid',
  challengeOk: 'challenge-ok',
  challengeMissing: 'challenge-missing',
  challengeMismatch: 'challenge-mismatch',
  challengeReused: 'challenge-reused',
  challengeExpired: 'challenge-expired',
  challengeUnknown: 'challenge-unknown',
  domainMissing: 'domain-missing',
  domainMismatch: 'domain-mismatch',
  challengeNotChecked: 'challenge-not-checked',
  // images
  imageUnsupported: 'image-unsupported',
  imageNoCredential: 'image-no-credential',
  imageInvalid: 'image-invalid',
  // network (every outbound request: DID documents, status lists, OB 2.0 assertions)
  fetchTimeout: 'fetch-timeout',
  fetchTooLarge: 'fetch-too-large',
  fetchAddressNotAllowed: 'fetch-address-not-allowed',
  fetchSchemeNotAllowed: 'fetch-scheme-not-allowed',
  fetchFailed: 'fetch-failed',
  fetchTooManyRedirects: 'fetch-too-many-redirects',
  // issuer service: status changes and issuing (thrown as PassportError)
  credentialUnknown: 'credential-unknown',
  statusPurposeMissing: 'status-purpose-missing',
  issuerNotFound: 'issuer-not-found',
  issuerExists: 'issuer-exists',
  // programmer / configuration errors (thrown as PassportError)
  invalidCredential: 'invalid-credential',
  invalidKey: 'invalid-key',
  invalidOptions: 'invalid-options',
} as const;

export type Code = (typeof Codes)[keyof typeof Codes];
