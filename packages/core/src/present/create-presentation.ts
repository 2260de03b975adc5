import { randomUUID } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { SignJWT } from 'jose';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import { signingSuite } from '../issue/cryptosuites.js';
import { dataIntegritySigner } from '../issue/data-integrity-signer.js';
import { jwtSigningKey } from '../issue/jwt-algorithm.js';
import type { PassportKeyPair } from '../keys/key-pair.js';
import { createDocumentLoader, type DocumentLoader } from '../loader/document-loader.js';
import { isOb2Assertion, type Json } from '../ob2/ob2-assertion.js';
import { jwsPayloadOf } from '../ob2/ob2-input.js';

export interface PresentOptions {
  /** The learner's key; its DID becomes the presentation's `holder`. */
  holderKey: PassportKeyPair;
  /** The verifier's one-time challenge (DI `challenge`, JWT `nonce`). */
  challenge: string;
  /** Who the presentation is for (DI `domain`, JWT `aud`), e.g. the employer's origin. */
  domain: string;
  /** `di` (eddsa-rdfc-2022 / ecdsa-rdfc-2019, the default) or `jwt` (`vp+jwt`). */
  format?: 'di' | 'jwt';
  now?: () => Date;
  documentLoader?: DocumentLoader;
}

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

/**
 * A JWT credential travels inside a VC 2.0 presentation as an EnvelopedVerifiableCredential; objects pass as-is.
 *
 * @example
 * envelope(jwt); // { '@context': …, id: 'data:application/vc+jwt,eyJ…', type: 'EnvelopedVerifiableCredential' }
 */
export function envelope(credential: object | string): object {
  if (typeof credential !== 'string') return credential;
  // An OB 2.0 signed assertion is a JWS but not a VC JWT: it gets the plain JWS media type.
  const mediaType = isOb2Jws(credential) ? 'application/jose' : 'application/vc+jwt';
  return {
    '@context': VC_V2,
    id: `data:${mediaType},${credential}`,
    type: 'EnvelopedVerifiableCredential',
  };
}

function isOb2Jws(jws: string): boolean {
  const payload = jwsPayloadOf(jws);
  return payload !== undefined && isOb2Assertion(payload);
}

let defaultLoader: DocumentLoader | undefined;

/**
 * Makes the learner's passport: a Verifiable Presentation of their credentials (either format), signed with
 * their key and bound to the employer's challenge and domain so it cannot be replayed elsewhere.
 *
 * @example
 * const { value } = await issueChallenge(store, { domain: 'https://jobs.example.com' });
 * const passport = await present(selectCredentials(wallet, { skills: ['SFIA:SCTY'] }), {
 *   holderKey, challenge: value, domain: 'https://jobs.example.com',
 * });
 */
export async function present(
  credentials: Array<object | string>,
  options: PresentOptions & { format: 'jwt' },
): Promise<string>;
export async function present(
  credentials: Array<object | string>,
  options: PresentOptions & { format?: 'di' },
): Promise<Record<string, unknown>>;
export async function present(
  credentials: Array<object | string>,
  options: PresentOptions,
): Promise<Record<string, unknown> | string>;
export async function present(
  credentials: Array<object | string>,
  options: PresentOptions,
): Promise<Record<string, unknown> | string> {
  const { holderKey, challenge, domain } = options;
  if (!holderKey?.secretKeyMultibase) {
    throw new PassportError(Codes.invalidKey, 'The holder key has no secret part, so it cannot sign.');
  }
  if (typeof challenge !== 'string' || challenge === '' || typeof domain !== 'string' || domain === '') {
    throw new PassportError(
      Codes.invalidOptions,
      'A presentation needs the verifier’s challenge and domain.',
    );
  }
  if (!Array.isArray(credentials) || credentials.length === 0) {
    throw new PassportError(Codes.invalidOptions, 'A presentation needs at least one credential.');
  }
  const presentation: Record<string, unknown> = {
    '@context': [VC_V2],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiablePresentation'],
    holder: holderKey.controller,
    verifiableCredential: credentials.map(envelope),
  };
  const now = (options.now ?? (() => new Date()))();
  if (options.format === 'jwt') {
    const { alg, privateKey } = await jwtSigningKey(holderKey);
    return new SignJWT({ ...presentation, nonce: challenge })
      .setProtectedHeader({ alg, typ: 'vp+jwt', cty: 'vp', kid: holderKey.id })
      .setIssuer(holderKey.controller)
      .setAudience(domain)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .sign(privateKey);
  }
  // A Data Integrity proof canonicalizes everything inside, and the OB 2.0 JSON-LD context is not bundled (it is
  // not published on npm, and contexts are never fetched): OB 2.0 JSON travels in a JWT presentation or as a JWS.
  if (credentials.some((item) => typeof item === 'object' && item !== null && isOb2Assertion(item as Json))) {
    throw new PassportError(
      Codes.invalidOptions,
      'An Open Badges 2.0 assertion in JSON form can be carried only in a JWT presentation (format "jwt"); in a Data Integrity presentation carry it as its signed JWS, or use format "jwt".',
    );
  }
  const suite = signingSuite(holderKey.type, await dataIntegritySigner(holderKey), { date: now });
  defaultLoader ??= createDocumentLoader();
  try {
    return await vc.signPresentation({
      presentation,
      suite,
      challenge,
      domain,
      documentLoader: options.documentLoader ?? defaultLoader,
    });
  } catch (error) {
    throw new PassportError(
      Codes.invalidCredential,
      `The presentation could not be signed: ${(error as Error).message}`,
      error,
    );
  }
}
