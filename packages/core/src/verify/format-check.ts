import { Codes } from '../codes.js';
import { isBundledContext } from '../loader/bundled-contexts.js';
import { type CheckResult, result } from './report.js';

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** The issuer's id, whether `issuer` is a string or a Profile object. */
export function issuerIdOf(document: Record<string, unknown>): string | undefined {
  const issuer = document.issuer;
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') {
    return (issuer as { id: string }).id;
  }
  return undefined;
}

/** A JSON-LD value as a list: absent (`undefined` or `null`) is none, one value is a list of one. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function typesOf(document: Record<string, unknown>): string[] {
  const type = document.type;
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

/**
 * The shape every credential must have before anything else is checked: the VC context first, only contexts we
 * bundle (an unknown one is refused here, never fetched), the VerifiableCredential type, an issuer and a subject.
 * `knownContexts` adds contexts the verifier was configured to trust.
 */
export function checkCredentialFormat(
  document: Record<string, unknown>,
  expectedType: 'VerifiableCredential' | 'VerifiablePresentation' = 'VerifiableCredential',
  knownContexts: ReadonlySet<string> = new Set(),
): CheckResult {
  const context = document['@context'];
  const contexts = Array.isArray(context) ? context : context === undefined ? [] : [context];
  if (contexts[0] !== VC_V2_CONTEXT && contexts[0] !== VC_V1_CONTEXT) {
    return result(
      'format',
      'fail',
      Codes.contextMissing,
      'The first @context must be the W3C Verifiable Credentials context (v2, or v1 for older credentials).',
    );
  }
  const unknown = contexts.find(
    (entry) => typeof entry === 'string' && !isBundledContext(entry) && !knownContexts.has(entry),
  );
  if (unknown !== undefined) {
    return result(
      'format',
      'fail',
      Codes.contextUnknown,
      `The @context ${String(unknown)} is not one we bundle; remote contexts are never fetched.`,
    );
  }
  if (contexts.some((entry) => typeof entry !== 'string' && (typeof entry !== 'object' || entry === null))) {
    return result('format', 'fail', Codes.contextInvalid, 'Every @context entry must be a URL or an object.');
  }
  if (!typesOf(document).includes(expectedType)) {
    return result('format', 'fail', Codes.typeMissing, `The type list does not include ${expectedType}.`);
  }
  if (expectedType === 'VerifiableCredential') {
    if (!issuerIdOf(document)) {
      return result(
        'format',
        'fail',
        Codes.issuerMissing,
        'The credential names no issuer (issuer or issuer.id).',
      );
    }
    const subject = document.credentialSubject;
    if (!subject || typeof subject !== 'object') {
      return result('format', 'fail', Codes.typeMissing, 'The credential has no credentialSubject object.');
    }
  }
  const version = contexts[0] === VC_V2_CONTEXT ? 'VC 2.0' : 'VC 1.1';
  return result(
    'format',
    'pass',
    Codes.formatOk,
    `A well-formed ${version} ${expectedType.replace('Verifiable', 'verifiable ').toLowerCase()}.`,
  );
}
