import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, exportJwk, issueCredential, type PassportKeyPair } from '../../src/index.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';
import { independentLoader } from '../independent-loader.js';

/**
 * Interop in both directions, through code paths that do not touch ours: @digitalbazaar/vc with a document loader
 * written here, and jose with the raw JWK.
 */

describe('interoperability with independent implementations', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const fetch = forbiddenFetch();
  const ourVerify = createVerifier({ resolverOptions: { fetch } });

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  it('our Data Integrity credential verifies with @digitalbazaar/vc called directly', async () => {
    const signed = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'di',
    });
    const outcome = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: independentLoader(issuer),
    });
    expect(outcome.verified).toBe(true);
  });

  it('our JWT credential verifies with jose jwtVerify called directly', async () => {
    const jwt = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });
    const publicKey = await importJWK(await exportJwk(issuer), 'EdDSA');
    const { payload, protectedHeader } = await jwtVerify(jwt, publicKey, {
      currentDate: new Date('2026-06-01T00:00:00Z'),
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: issuer.id });
    expect(payload.iss).toBe(issuer.controller);
    expect((payload.credentialSubject as { id: string }).id).toBe(learner.controller);
  });

  it('verifies a credential signed by @digitalbazaar/vc directly', async () => {
    const libraryKey = await Ed25519Multikey.generate();
    const exported = await libraryKey.export({ publicKey: true, includeContext: false });
    const controller = `did:key:${exported.publicKeyMultibase}`;
    const signer = Object.assign(libraryKey.signer(), { id: `${controller}#${exported.publicKeyMultibase}` });
    const signed = await vc.issue({
      credential: openBadge({ controller } as PassportKeyPair, learner.controller),
      suite: new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022 }),
      documentLoader: independentLoader({
        id: signer.id,
        controller,
        publicKeyMultibase: String(exported.publicKeyMultibase),
      }),
    });
    const report = await ourVerify(signed);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.checks.find((c) => c.check === 'proof')?.code).toBe('proof-ok');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('verifies a VC-JOSE credential signed by jose directly', async () => {
    const credential = openBadge(issuer, learner.controller);
    const privateKey = await importJWK(await exportJwk(issuer, { includeSecret: true }), 'EdDSA');
    const jwt = await new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: issuer.id })
      .sign(privateKey);
    const report = await ourVerify(jwt);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.format).toBe('jwt');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('verifies the OB 3.0 VC-JWT form (vc claim with iss, nbf, jti, sub) signed by jose directly', async () => {
    const credential = openBadge(issuer, learner.controller);
    const privateKey = await importJWK(await exportJwk(issuer, { includeSecret: true }), 'EdDSA');
    const jwt = await new SignJWT({ vc: credential })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: issuer.id })
      .setIssuer(issuer.controller)
      .setJti(credential.id)
      .setSubject(learner.controller)
      .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
      .sign(privateKey);
    const report = await ourVerify(jwt);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]?.summary.learner?.id).toBe(learner.controller);
  });
});
