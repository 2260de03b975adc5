import type { SchemaValidationError } from '../schema-validation-error.js';
import type { VendorCertificationCredential } from '../types/vendor-certification.js';
import { ACHIEVEMENT_FIELD_PATHS, type AchievementInput, achievementCore } from './achievement-input.js';
import {
  ASSESSMENT_FIELD_PATHS,
  type AssessmentFields,
  assessmentFromFields,
  assessmentParts,
} from './assessment-result.js';
import { withoutBlankCells } from './blank-cells.js';
import { candidateIdentifier } from './candidate-identifier.js';
import {
  type CredentialEnvelopeInput,
  credentialEnvelope,
  ENVELOPE_FIELD_PATHS,
  profileOf,
  subjectOf,
  toNumber,
} from './credential-envelope.js';
import { finishCredential } from './finish-credential.js';
import type { InputFieldMap } from './input-paths.js';

/**
 * Everything needed for a vendor certification credential, one field per CSV column. The certification
 * always expires, so `validUntil` is required; numbers may be text and empty cells count as absent.
 *
 * @example
 * ```ts
 * const row: VendorCertificationInput = {
 *   issuerId: 'did:web:comptia.example', issuerName: 'CompTIA', learnerId: 'did:key:z6Mk…', learnerName: 'Sam Patel',
 *   achievementName: 'CompTIA Security+', achievementDescription: 'Core skills for a cyber security role.',
 *   certificationCode: 'SY0-701', vendorName: 'CompTIA', vendorUrl: 'https://www.comptia.org/',
 *   candidateId: 'COMP001021234567', skills: 'SFIA:SCTY:3', validFrom: '2026-02-10', validUntil: '2029-02-10',
 *   renewalCycleMonths: '36', renewalContinuingEducationUnits: '50',
 * };
 * ```
 */
export interface VendorCertificationInput
  extends CredentialEnvelopeInput,
    Omit<AchievementInput, 'criteria'>,
    AssessmentFields {
  /** The exam or certification code, e.g. `SY0-701` (OB `humanCode`). */
  certificationCode: string;
  /** How it is earned; defaults to "Passed the <vendor> <code> certification exam." */
  criteria?: string;
  /** The vendor's id (a DID or URL); defaults to `vendorUrl`. */
  vendorId?: string;
  vendorName: string;
  vendorUrl?: string;
  /** The vendor's candidate or credential id for this learner (OB IdentityObject). */
  candidateId: string;
  /** OB identityType of `candidateId`: `identifier` (default), `sourcedId`, `ext:...`. */
  candidateIdType?: string;
  /** When given, `candidateId` is stored salted and hashed (`sha256$...`) instead of in plain text. */
  candidateIdSalt?: string;
  validUntil: string | Date;
  /** Renewal cycle in whole months, e.g. `36`. */
  renewalCycleMonths?: number | string;
  /** Continuing education units needed per cycle. */
  renewalContinuingEducationUnits?: number | string;
  /** The vendor's renewal page. */
  renewalUrl?: string;
}

const VENDOR_CERTIFICATION_FIELD_PATHS: InputFieldMap = [
  ...ENVELOPE_FIELD_PATHS,
  ...ACHIEVEMENT_FIELD_PATHS,
  ...ASSESSMENT_FIELD_PATHS,
  ['/credentialSubject/achievement/humanCode', 'certificationCode'],
  ['/credentialSubject/achievement/creator', 'vendorName', 'exact'],
  ['/credentialSubject/achievement/creator/id', 'vendorId'],
  ['/credentialSubject/achievement/creator/name', 'vendorName'],
  ['/credentialSubject/achievement/creator/url', 'vendorUrl'],
  ['/credentialSubject/identifier', 'candidateId'],
  ['/credentialSubject/identifier/0/identityType', 'candidateIdType'],
  ['/credentialSubject/achievement/renewal/cycleMonths', 'renewalCycleMonths'],
  ['/credentialSubject/achievement/renewal/continuingEducationUnits', 'renewalContinuingEducationUnits'],
  ['/credentialSubject/achievement/renewal/url', 'renewalUrl'],
];

/**
 * Turns one vendor's row into an unsigned OB 3.0 certification credential that passes the
 * `vendor-certification` schema (and so the official OB 3.0 schema): achievementType `Certification`, the
 * vendor as achievement creator, the code as `humanCode`, the candidate id as an `identifier`, a required
 * `validUntil`. Sign it with core's `issueCredential`.
 *
 * Throws {@link SchemaValidationError} (code `invalid-credential`) listing every problem, each with the path
 * of the input field to fix (`/validUntil`, `/certificationCode`); it never returns a credential that fails.
 *
 * @example
 * ```ts
 * const credential = buildVendorCertificationCredential(row);
 * credential.credentialSubject.achievement.humanCode; // 'SY0-701'
 * ```
 */
export function buildVendorCertificationCredential(
  input: VendorCertificationInput,
): VendorCertificationCredential {
  const row = withoutBlankCells(input);
  const vendorId = row.vendorId ?? row.vendorUrl;
  // Vendors' exports rarely carry criteria text, and for a certification the exam is the criterion.
  const examName = [row.vendorName, row.certificationCode].filter((part) => part !== undefined).join(' ');
  const criteria = row.criteria ?? `Passed the ${examName ? `${examName} ` : ''}certification exam.`;
  const { envelope, errors: envelopeErrors } = credentialEnvelope(
    'vendor-certification',
    row,
    row.achievementName,
  );
  const { achievement, errors: skillErrors } = achievementCore({ ...row, criteria } as AchievementInput);
  const { assessment, errors: assessmentErrors } = assessmentFromFields(row);
  const parts = assessment === undefined ? undefined : assessmentParts(assessment);
  const renewal = {
    cycleMonths: toNumber(row.renewalCycleMonths),
    continuingEducationUnits: toNumber(row.renewalContinuingEducationUnits),
    url: row.renewalUrl,
  };
  const hasRenewal = Object.values(renewal).some((value) => value !== undefined);
  const draft = {
    ...envelope,
    credentialSubject: {
      ...subjectOf(row),
      identifier:
        row.candidateId === undefined
          ? undefined
          : [
              candidateIdentifier(row.candidateId, {
                ...(row.candidateIdType === undefined ? {} : { identityType: row.candidateIdType }),
                ...(row.candidateIdSalt === undefined ? {} : { salt: row.candidateIdSalt }),
              }),
            ],
      achievement: {
        ...achievement,
        achievementType: 'Certification',
        creator: profileOf(vendorId, row.vendorName, row.vendorUrl),
        humanCode: row.certificationCode,
        renewal: hasRenewal ? renewal : undefined,
        resultDescription: parts === undefined ? undefined : [parts.resultDescription],
      },
      result: parts === undefined ? undefined : [parts.result],
    },
  };
  return finishCredential('vendor-certification', draft, VENDOR_CERTIFICATION_FIELD_PATHS, [
    ...envelopeErrors,
    ...skillErrors,
    ...assessmentErrors,
  ]) as VendorCertificationCredential;
}
