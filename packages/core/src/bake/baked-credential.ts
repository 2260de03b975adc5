import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';

/** What goes into an image: the credential as JSON text, or a compact JWT kept as is. */
export type BakedCredential = { form: 'json'; text: string } | { form: 'jwt'; text: string };

// Three base64url segments: header, payload and signature of a compact JWS (a VC-JOSE credential).
const compactJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Decides how a credential is written into an image: an object becomes its JSON text, a string must be a compact
 * JWT. Throws `invalid-options` for anything else, since baking garbage would produce a badge nobody can verify.
 *
 * @example
 * toBakedCredential('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln'); // { form: 'jwt', text: 'eyJ...' }
 */
export function toBakedCredential(credential: object | string): BakedCredential {
  if (typeof credential === 'string') {
    const text = credential.trim();
    if (!compactJwt.test(text)) {
      throw new PassportError(
        Codes.invalidOptions,
        'A credential given as a string must be a compact JWT; pass a JSON credential as an object.',
      );
    }
    return { form: 'jwt', text };
  }
  if (credential === null || typeof credential !== 'object' || Array.isArray(credential)) {
    throw new PassportError(
      Codes.invalidOptions,
      'The credential to bake must be an object or a compact JWT.',
    );
  }
  let text: string;
  try {
    text = JSON.stringify(credential);
  } catch (error) {
    throw new PassportError(Codes.invalidOptions, 'The credential cannot be written as JSON.', error);
  }
  return { form: 'json', text };
}
