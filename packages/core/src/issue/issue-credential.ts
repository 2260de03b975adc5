import { randomUUID } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { SignJWT } from 'jose';
import { Codes } from '../codes.js';
import { PassportError } from '../errors.js';
import type { PassportKeyPair } from '../keys/key-pair.js';
import { createDocumentLoader, type DocumentLoader } from '../loader/document-loader.js';
import { schemaErrorsFor } from '../verify/schema-kinds.js';
import { assertCredentialShape } from './credential-shape.js';
import { signingSuite } from './cryptosuites.js';
import { dataIntegritySigner } from './data-integrity-signer.js';
import { jwtSigningKey } from './jwt-algorithm.js';

export type CredentialFormat = 'di' | 'jwt';

export interface IssueOptions {
  /** The issuer's signing key; its controller must be the credential's issuer (it is filled in when absent). */
  issuerKey: PassportKeyPair;
  /** `di` (Data Integrity, the default) or `jwt` (VC-JOSE `vc+jwt`). */
  format?: CredentialFormat;
  /** Status entries to add (the issuer service allocates them; see `StatusListIssuer`). */
  credentialStatus?: object | object[];
  /** ecdsa-sd-2023 base proof: JSON pointers the holder must always disclose (P-256/P-384 keys only). */
  mandatoryPointers?: string[];
  /** Set `false` to skip schema validation (not recommended: invalid credentials fail everyone's verifier). */
  validateSchema?: boolean;
  now?: () => Date;
  documentLoader?: DocumentLoader;
}

export type UnsignedCredential = Record<string, unknown>;
export type SignedCredential = Record<string, unknown>;

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';

/**
 * Signs a credential. Data Integrity (`eddsa-rdfc-2022` for Ed25519 keys, `ecdsa-rdfc-2019` for P-256/P-384,
 * `ecdsa-sd-2023` with `mandatoryPointers`) returns the signed JSON-LD object; `jwt` returns a compact VC-JOSE
 * string. The credential is validated against the Open Badges 3.0 schema and the profile it declares in
 * `credentialSchema` first, and refused with the schema errors when invalid.
 *
 * @example
 * const signed = await issueCredential(buildMicroModuleCredential(row), { issuerKey, format: 'di' });
 * const jwt = await issueCredential(unsigned, { issuerKey, format: 'jwt' });
 */
export async function issueCredential(
  unsigned: UnsignedCredential,
  options: IssueOptions & { format: 'jwt' },
): Promise<string>;
export async function issueCredential(
  unsigned: UnsignedCredential,
  options: IssueOptions & { format?: 'di' },
): Promise<SignedCredential>;
export async function issueCredential(
  unsigned: UnsignedCredential,
  options: IssueOptions,
): Promise<SignedCredential | string>;
export async function issueCredential(
  unsigned: UnsignedCredential,
  options: IssueOptions,
): Promise<SignedCredential | string> {
  const credential = prepareCredential(unsigned, options);
  if (options.validateSchema !== false) {
    const errors = schemaErrorsFor(credential);
    if (errors.length > 0) {
      const list = errors.map((error) => `${error.path || '/'}: ${error.message}`).join('; ');
      throw new PassportError(
        Codes.invalidCredential,
        `The credential does not match its schema: ${list}`,
        errors,
      );
    }
  }
  if ((options.format ?? 'di') === 'jwt') return signJwt(credential, options);
  return signDataIntegrity(credential, options);
}

/** Copies the credential and fills in what an issuer always sets: id, issuer, validFrom, status. */
function prepareCredential(unsigned: UnsignedCredential, options: IssueOptions): UnsignedCredential {
  assertCredentialShape(unsigned);
  if ('proof' in unsigned) {
    throw new PassportError(
      Codes.invalidCredential,
      'The credential already has a proof; issue an unsigned one.',
    );
  }
  const { issuerKey } = options;
  if (!issuerKey?.secretKeyMultibase) {
    throw new PassportError(Codes.invalidKey, 'The issuer key has no secret part, so it cannot sign.');
  }
  const credential: UnsignedCredential = structuredClone(unsigned);
  credential.id ??= `urn:uuid:${randomUUID()}`;

  const issuer = credential.issuer;
  if (issuer === undefined) credential.issuer = issuerKey.controller;
  else if (issuer && typeof issuer === 'object' && !('id' in issuer)) {
    credential.issuer = { ...issuer, id: issuerKey.controller };
  }
  const issuerId =
    typeof credential.issuer === 'string' ? credential.issuer : (credential.issuer as { id?: unknown }).id;
  if (issuerId !== issuerKey.controller) {
    throw new PassportError(
      Codes.invalidKey,
      `The key ${issuerKey.id} belongs to ${issuerKey.controller}, not to the credential's issuer ${String(issuerId)}.`,
    );
  }

  const isV1 = Array.isArray(credential['@context']) && credential['@context'][0] === VC_V1;
  const now = (options.now ?? (() => new Date()))();
  if (isV1) credential.issuanceDate ??= isoSeconds(now);
  else credential.validFrom ??= isoSeconds(now);

  if (options.credentialStatus) {
    const existing = credential.credentialStatus;
    const added = Array.isArray(options.credentialStatus)
      ? options.credentialStatus
      : [options.credentialStatus];
    const combined = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      ...added,
    ];
    credential.credentialStatus = combined.length === 1 ? combined[0] : combined;
  }
  return credential;
}

let defaultLoader: DocumentLoader | undefined;

async function signDataIntegrity(
  credential: UnsignedCredential,
  options: IssueOptions,
): Promise<SignedCredential> {
  const signer = await dataIntegritySigner(options.issuerKey);
  // Proof options are remembered only under the bundled loader's fixed contexts.
  const suiteOptions: { mandatoryPointers?: string[]; date?: Date; rememberProofOptions: boolean } = {
    rememberProofOptions: !options.documentLoader,
  };
  if (options.mandatoryPointers) suiteOptions.mandatoryPointers = options.mandatoryPointers;
  if (options.now) suiteOptions.date = options.now();
  const suite = signingSuite(options.issuerKey.type, signer, suiteOptions);
  if (!suite) {
    throw new PassportError(
      Codes.invalidOptions,
      'mandatoryPointers (ecdsa-sd-2023) needs a P-256 or P-384 key.',
    );
  }
  defaultLoader ??= createDocumentLoader();
  const documentLoader = options.documentLoader ?? defaultLoader;
  try {
    const signed = await vc.issue({ credential, suite, documentLoader });
    // A one-element proof set: the official OB 3.0 JSON Schema types `proof` as an array.
    if (signed.proof && !Array.isArray(signed.proof)) signed.proof = [signed.proof];
    return signed;
  } catch (error) {
    throw new PassportError(
      Codes.invalidCredential,
      `The credential could not be signed: ${(error as Error).message}`,
      error,
    );
  }
}

async function signJwt(credential: UnsignedCredential, options: IssueOptions): Promise<string> {
  const { issuerKey } = options;
  const { alg, privateKey } = await jwtSigningKey(issuerKey);
  const claims: Record<string, unknown> = { ...credential };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'vc+jwt', cty: 'vc', kid: issuerKey.id })
    .setIssuer(issuerKey.controller)
    .setIssuedAt(Math.floor((options.now ?? (() => new Date()))().getTime() / 1000));
  if (typeof credential.id === 'string') jwt.setJti(credential.id);
  const subjectId = (credential.credentialSubject as { id?: unknown }).id;
  if (typeof subjectId === 'string') jwt.setSubject(subjectId);
  const validFrom = seconds(credential.validFrom ?? credential.issuanceDate);
  if (validFrom !== undefined) jwt.setNotBefore(validFrom);
  const validUntil = seconds(credential.validUntil ?? credential.expirationDate);
  if (validUntil !== undefined) jwt.setExpirationTime(validUntil);
  return jwt.sign(privateKey);
}

function seconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
