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

/**
 * The Data Integrity suite that signs with a key of this type: eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for
 * P-256/P-384, or an ecdsa-sd-2023 base proof when mandatory pointers are given (selective disclosure).
 */
export function signingSuite(
  type: KeyType,
  signer: Signer,
  options: { mandatoryPointers?: string[]; date?: Date },
) {
  const common = options.date ? { date: options.date } : {};
  if (options.mandatoryPointers) {
    if (type === 'Ed25519') return undefined;
    const cryptosuite = ecdsaSd2023.createSignCryptosuite({ mandatoryPointers: options.mandatoryPointers });
    return new DataIntegrityProof({ signer, cryptosuite, ...common });
  }
  const cryptosuite = type === 'Ed25519' ? eddsaRdfc2022 : ecdsaRdfc2019;
  return new DataIntegrityProof({ signer, cryptosuite, ...common });
}

/** Every suite the verifier accepts; jsonld-signatures picks the one matching each proof. */
export function verificationSuites(): unknown[] {
  return [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Verifying }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019Verifying }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023Verifying }),
    new Ed25519Signature2020(),
  ];
}
