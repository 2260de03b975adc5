import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import type { Signer } from '@digitalbazaar/ed25519-multikey';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { KeyType } from '../keys/key-pair.js';
import {
  ecdsaRdfc2019Verifying,
  ecdsaSd2023Verifying,
  eddsaRdfc2022Verifying,
} from '../verify/verifier-cache.js';
import { rememberingProofOptions } from './remembering-proof-options.js';

const LIBRARY_SUITES = { ed25519: eddsaRdfc2022, ecdsa: ecdsaRdfc2019 };
const REMEMBERING_SUITES = {
  ed25519: rememberingProofOptions(eddsaRdfc2022 as object),
  ecdsa: rememberingProofOptions(ecdsaRdfc2019 as object),
};

/**
 * The Data Integrity suite that signs with a key of this type: eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for
 * P-256/P-384, or an ecdsa-sd-2023 base proof when mandatory pointers are given (selective disclosure).
 * `rememberProofOptions` (only with the bundled document loader) canonicalizes proof options shared by several
 * credentials once: see remembering-proof-options.ts.
 */
export function signingSuite(
  type: KeyType,
  signer: Signer,
  options: { mandatoryPointers?: string[]; date?: Date; rememberProofOptions?: boolean },
) {
  const common = options.date ? { date: options.date } : {};
  if (options.mandatoryPointers) {
    if (type === 'Ed25519') return undefined;
    const cryptosuite = ecdsaSd2023.createSignCryptosuite({ mandatoryPointers: options.mandatoryPointers });
    return new DataIntegrityProof({ signer, cryptosuite, ...common });
  }
  const suites = options.rememberProofOptions ? REMEMBERING_SUITES : LIBRARY_SUITES;
  const cryptosuite = type === 'Ed25519' ? suites.ed25519 : suites.ecdsa;
  return new DataIntegrityProof({ signer, cryptosuite, ...common });
}

const eddsaRdfc2022VerifyingRemembering = rememberingProofOptions(eddsaRdfc2022Verifying);
const ecdsaRdfc2019VerifyingRemembering = rememberingProofOptions(ecdsaRdfc2019Verifying);

/**
 * Every suite the verifier accepts; jsonld-signatures picks the one matching each proof. `rememberProofOptions`
 * as for `signingSuite`: credentials signed in one batch share their proof options.
 */
export function verificationSuites(options: { rememberProofOptions?: boolean } = {}): unknown[] {
  const remember = options.rememberProofOptions === true;
  return [
    new DataIntegrityProof({
      cryptosuite: remember ? eddsaRdfc2022VerifyingRemembering : eddsaRdfc2022Verifying,
    }),
    new DataIntegrityProof({
      cryptosuite: remember ? ecdsaRdfc2019VerifyingRemembering : ecdsaRdfc2019Verifying,
    }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023Verifying }),
    new Ed25519Signature2020(),
  ];
}
