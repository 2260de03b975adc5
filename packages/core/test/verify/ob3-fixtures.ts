// Test support for the OB 3.0 checks (recipient, credentialSchema, refreshService, endorsements): credentials signed
// independently of the verifier (@digitalbazaar/vc called directly for Data Integrity, jose for JWTs) in the VC 2.0
// and VC 1.1 forms, and a recording safe fetch that serves documents without touching the network.
import { createHash } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { importJWK, SignJWT } from 'jose';
import {
  createSafeFetch,
  createVerifier,
  exportJwk,
  type PassportKeyPair,
  type SafeFetch,
  type VerifierOptions,
} from '../../src/index.js';
import { OB_CONTEXT, openBadge } from '../fixtures.js';
import { independentLoader } from '../independent-loader.js';

type Json = Record<string, unknown>;

export const NOW = new Date('2026-06-01T00:00:00Z');
export const OB3_CONTEXT = OB_CONTEXT[1]!;
export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
/** 1EdTech's OB 3.0 extensions context: defines `1EdTechJsonSchemaValidator2019` and `1EdTechCredentialRefresh`. */
export const OB3_EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const WITH_EXTENSIONS = [...OB_CONTEXT, OB3_EXTENSIONS];

/** The four ways an OB 3.0 credential arrives: VC 2.0 or VC 1.1 data model, Data Integrity or JWT proof. */
export type CredentialForm = 'vc2-di' | 'vc2-jwt' | 'vc1-di' | 'vc1-jwt';
export const FORMS: CredentialForm[] = ['vc2-di', 'vc2-jwt', 'vc1-di', 'vc1-jwt'];

/** A Data Integrity (eddsa-rdfc-2022) credential signed by @digitalbazaar/vc directly. */
export async function signDataIntegrity(credential: Json, key: PassportKeyPair): Promise<Json> {
  const libraryKey = await Ed25519Multikey.from({
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
  const signer = libraryKey.signer();
  return vc.issue({
    credential: structuredClone(credential),
    suite: new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022 }),
    documentLoader: independentLoader(key),
  });
}

/** A JWT signed by jose directly: VC-JOSE (`vc+jwt`, the credential as payload) or the VC 1.1 `vc` claim form. */
export async function signJwt(credential: Json, key: PassportKeyPair, form: 'vc2' | 'vc1'): Promise<string> {
  const privateKey = await importJWK(await exportJwk(key, { includeSecret: true }), 'EdDSA');
  if (form === 'vc2') {
    return new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: key.id })
      .sign(privateKey);
  }
  const subject = credential.credentialSubject as { id?: string };
  const jwt = new SignJWT({ vc: credential })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.id })
    .setIssuer(key.controller)
    .setNotBefore(Math.floor(Date.parse(String(credential.issuanceDate)) / 1000));
  if (typeof credential.id === 'string') jwt.setJti(credential.id);
  if (subject.id) jwt.setSubject(subject.id);
  return jwt.sign(privateKey);
}

/** An OB 3.0 credential in the VC 1.1 data model: the v1 context first, `issuanceDate` instead of `validFrom`. */
export function asVc1(credential: Json): Json {
  const { validFrom, validUntil, ...rest } = credential;
  const others = (credential['@context'] as string[]).slice(1);
  return {
    ...rest,
    '@context': [VC_V1, ...others],
    issuanceDate: validFrom,
    ...(validUntil ? { expirationDate: validUntil } : {}),
  };
}

/** An OB 3.0 credential for `learnerDid`, in the given form, signed by `issuer`. */
export async function issueIn(
  form: CredentialForm,
  issuer: PassportKeyPair,
  learnerDid: string,
  overrides: Json = {},
  subjectOverrides: Json = {},
): Promise<Json | string> {
  const base = openBadge(issuer, learnerDid, overrides) as Json;
  base.credentialSubject = { ...(base.credentialSubject as Json), ...subjectOverrides };
  const credential = form.startsWith('vc1') ? asVc1(base) : base;
  if (form.endsWith('di')) return signDataIntegrity(credential, issuer);
  return signJwt(credential, issuer, form.startsWith('vc1') ? 'vc1' : 'vc2');
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface Served {
  status?: number;
  body: unknown;
  contentType?: string;
}

export interface RecordingFetch {
  safeFetch: SafeFetch;
  /** Every URL requested, in order. */
  requests: string[];
  /** What each URL answers; unknown URLs answer 404. */
  documents: Map<string, Served>;
  serve(url: string, body: unknown, options?: { status?: number; contentType?: string }): void;
  verifier(options?: VerifierOptions): ReturnType<typeof createVerifier>;
}

/**
 * A safe fetch over an in-memory web: answers what was `serve`d (as `contentType` unless the entry names its own),
 * 404 otherwise, and records every URL.
 */
export function recordingFetch(contentType = 'application/json'): RecordingFetch {
  const documents = new Map<string, Served>();
  const requests: string[] = [];
  const safeFetch = createSafeFetch({
    lookup: async () => [{ address: '93.184.216.34' }],
    fetch: async (url) => {
      requests.push(url);
      const entry = documents.get(url);
      if (!entry) return new Response('not found', { status: 404 });
      const body = typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body);
      return new Response(body, {
        status: entry.status ?? 200,
        headers: { 'content-type': entry.contentType ?? contentType },
      });
    },
  });
  return {
    safeFetch,
    requests,
    documents,
    serve: (url, body, options = {}) => documents.set(url, { body, ...options }),
    verifier: (options = {}) =>
      createVerifier({ resolverOptions: { safeFetch }, now: () => NOW, proofWorkers: 0, ...options }),
  };
}

/** The codes of a report's checks by check name. */
export function codesOf(report: { checks: Array<{ check: string; code: string }> }): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.check, check.code]));
}
