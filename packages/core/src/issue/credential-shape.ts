import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';

/**
 * Refuses what can never be signed as a credential: not a JSON object, or a `credentialSubject` that is not an
 * object (or a list of objects). Throws `PassportError` with code `invalid-credential`.
 *
 * @example
 * assertCredentialShape(JSON.parse(body)); // throws before any status index or signature is spent
 */
export function assertCredentialShape(unsigned: unknown): asserts unsigned is Record<string, unknown> {
  if (!unsigned || typeof unsigned !== 'object' || Array.isArray(unsigned)) {
    throw new PassportError(Codes.invalidCredential, 'A credential must be a JSON object.');
  }
  const subject = (unsigned as Record<string, unknown>).credentialSubject;
  const subjects = Array.isArray(subject) ? subject : [subject];
  if (
    subjects.length === 0 ||
    subjects.some((item) => !item || typeof item !== 'object' || Array.isArray(item))
  ) {
    throw new PassportError(
      Codes.invalidCredential,
      'credentialSubject must be an object (or a list of objects).',
    );
  }
}
