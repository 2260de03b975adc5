import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';
import { Codes } from '../codes.js';
import { type CheckResult, result } from '../verify/report.js';
import type { IssuerKey } from './issuer-key.js';

/** OB 2.0 signed assertions are RS256 JWS; nothing else (and never `none` or an HMAC) is accepted. */
const ALGORITHMS = ['RS256'];

/**
 * Checks a signed assertion's compact JWS with jose against the issuer's keys (any one may have signed it).
 * The header may not carry its own key (`jwk`, `jku`, `x5u`, `x5c`): the key comes only from the issuer.
 *
 * @example
 * const check = await checkAssertionSignature(jws, [{ id: keyUrl, publicKeyPem }]);
 * check.code; // 'proof-ok' or 'proof-invalid'
 */
export async function checkAssertionSignature(jws: string, keys: IssuerKey[]): Promise<CheckResult> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return result('proof', 'fail', Codes.proofInvalid, 'The JWS header cannot be read.');
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) {
    return result(
      'proof',
      'fail',
      Codes.jwtAlgNotAllowed,
      `OB 2.0 signatures must be RS256, not ${String(header.alg)}.`,
    );
  }
  const embeddedKey = ['jwk', 'jku', 'x5u', 'x5c'].find((name) => name in header);
  if (embeddedKey) {
    return result(
      'proof',
      'fail',
      Codes.jwtHeaderNotAllowed,
      `The JWS header carries "${embeddedKey}"; keys come only from the issuer.`,
    );
  }
  for (const key of keys) {
    try {
      const publicKey = await importSPKI(key.publicKeyPem, 'RS256');
      await compactVerify(jws, publicKey, { algorithms: ALGORITHMS });
      return result(
        'proof',
        'pass',
        Codes.proofOk,
        `The RS256 signature is valid for the issuer's key ${key.id}.`,
      );
    } catch {
      // Not this key (or an unreadable PEM): try the next one the issuer lists.
    }
  }
  return result('proof', 'fail', Codes.proofInvalid, 'The signature does not verify with the issuer’s key.');
}
