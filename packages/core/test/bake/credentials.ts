import { generateKeyPair, SignJWT } from 'jose';
import { referenceCredential } from './images.js';

/** A VC-JOSE style compact JWT of the reference credential, signed with a key made for the test. */
export async function signedCredentialJwt(): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA');
  return new SignJWT(referenceCredential())
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt' })
    .sign(privateKey);
}
