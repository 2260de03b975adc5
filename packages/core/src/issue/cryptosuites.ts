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

/** The two RDF-canonicalizing cryptosuites, by key kind; ecdsa-sd-2023 and the 2020 suite are used as they are. */
interface SuitePair {
  ed25519: object;
  ecdsa: object;
}

function remembering(pair: SuitePair): SuitePair {
  return { ed25519: rememberingProofOptions(pair.ed25519), ecdsa: rememberingProofOptions(pair.ecdsa) };
}

const SIGNING: SuitePair = { ed25519: eddsaRdfc2022 as object, ecdsa: ecdsaRdfc2019 as object };
const SIGNING_REMEMBERING = remembering(SIGNING);
const VERIFYING: SuitePair = { ed25519: eddsaRdfc2022Verifying, ecdsa: ecdsaRdfc2019Verifying };
const VERIFYING_REMEMBERING = remembering(VERIFYING);

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
  const suites = options.rememberProofOptions ? SIGNING_REMEMBERING : SIGNING;
  const cryptosuite = type === 'Ed25519' ? suites.ed25519 : suites.ecdsa;
  return new DataIntegrityProof({ signer, cryptosuite, ...common });
}

/**
 * Every suite the verifier accepts; jsonld-signatures picks the one matching each proof. `rememberProofOptions`
 * as for `signingSuite`: credentials signed in one batch share their proof options.
 */
export function verificationSuites(options: { rememberProofOptions?: boolean } = {}): unknown[] {
  const suites = options.rememberProofOptions ? VERIFYING_REMEMBERING : VERIFYING;
  return [
    new DataIntegrityProof({ cryptosuite: suites.ed25519 }),
    new DataIntegrityProof({ cryptosuite: suites.ecdsa }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023Verifying }),
    new Ed25519Signature2020(),
  ];
}
