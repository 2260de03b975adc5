import { importJWK, SignJWT } from 'jose';
import { exportJwk, type PassportKeyPair } from '../../src/index.js';

export { independentLoader } from '../independent-loader.js';

/** Signs any JWT claims as the holder with jose directly (the independent JWT path). */
export async function signAsHolder(
  holder: PassportKeyPair,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { typ: 'vp+jwt' },
): Promise<string> {
  const alg = holder.type === 'Ed25519' ? 'EdDSA' : 'ES256';
  const privateKey = await importJWK(await exportJwk(holder, { includeSecret: true }), alg);
  return new SignJWT(claims).setProtectedHeader({ alg, kid: holder.id, ...header }).sign(privateKey);
}

/** The codes of a report's checks, to assert on without caring about message text. */
export function codesOf(checks: Array<{ code: string }>): string[] {
  return checks.map((check) => check.code);
}
