import type { SchemaValidationError } from '../schema-validation-error.js';
import type { DeliveryMode, DigitalSkillsLevel, MicroModuleCredential } from '../types/micro-module.js';
import { ACHIEVEMENT_FIELD_PATHS, type AchievementInput, achievementCore } from './achievement-input.js';
import {
  ASSESSMENT_FIELD_PATHS,
  type AssessmentFields,
  assessmentFromFields,
  assessmentParts,
} from './assessment-result.js';
import { withoutBlankCells } from './blank-cells.js';
import {
  type CredentialEnvelopeInput,
  credentialEnvelope,
  ENVELOPE_FIELD_PATHS,
  profileOf,
  subjectOf,
  toList,
  toNumber,
} from './credential-envelope.js';
import { finishCredential } from './finish-credential.js';
import type { InputFieldMap } from './input-paths.js';

/**
 * Everything needed for a micro-module credential, one field per CSV column. Numbers may be given as text
 * (`'12'`), lists as `;`-separated text, dates as `YYYY-MM-DD`; empty cells count as absent.
 *
 * @example
 * ```ts
 * const row: MicroModuleInput = {
 *   issuerId: 'did:web:leeds-college.example', issuerName: 'Leeds City College',
 *   learnerId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', learnerName: 'Aisha Khan',
 *   achievementName: 'Cyber security essentials', achievementDescription: 'Protecting devices and data at work.',
 *   criteria: 'Completed all units and passed the assessment.', skills: 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL',
 *   digitalSkillsLevel: 'general', deliveryMode: 'blended', notionalLearningHours: '12',
 *   learningOutcomes: 'Recognise phishing; Use multi-factor authentication', validFrom: '2026-03-02',
 * };
 * ```
 */
export interface MicroModuleInput extends CredentialEnvelopeInput, AchievementInput, AssessmentFields {
  /** `Course` (default) or `MicroCredential`. */
  achievementType?: 'Course' | 'MicroCredential' | (string & {});
  /** Level on the UK digital skills spectrum: `essential`, `general` or `specialist`. */
  digitalSkillsLevel: DigitalSkillsLevel | (string & {});
  /** `online`, `in-person` or `blended`. */
  deliveryMode: DeliveryMode | (string & {});
  /** What the learner can do afterwards: a list, or one `;`-separated cell. */
  learningOutcomes: string | readonly string[];
  /** Notional learning hours; this and/or `credits` is required. */
  notionalLearningHours?: number | string;
  /** Credits available for the module (OB `creditsAvailable`). */
  credits?: number | string;
  /** The training provider, when it is not the issuer (e.g. an awarding body issues for a provider). */
  providerId?: string;
  providerName?: string;
  providerUrl?: string;
}

const MICRO_MODULE_FIELD_PATHS: InputFieldMap = [
  ...ENVELOPE_FIELD_PATHS,
  ...ACHIEVEMENT_FIELD_PATHS,
  ...ASSESSMENT_FIELD_PATHS,
  // The profile's "issuer or creator names the provider" rule applies to the whole credential.
  ['', 'issuerName', 'exact'],
  ['/credentialSubject/achievement/achievementType', 'achievementType'],
  ['/credentialSubject/achievement/digitalSkillsLevel', 'digitalSkillsLevel'],
  ['/credentialSubject/achievement/deliveryMode', 'deliveryMode'],
  ['/credentialSubject/achievement/learningOutcomes', 'learningOutcomes'],
  ['/credentialSubject/achievement/notionalLearningHours', 'notionalLearningHours'],
  ['/credentialSubject/achievement/creditsAvailable', 'credits'],
  ['/credentialSubject/achievement/creator/id', 'providerId'],
  ['/credentialSubject/achievement/creator/name', 'providerName'],
  ['/credentialSubject/achievement/creator/url', 'providerUrl'],
];

/**
 * Turns one provider's row into an unsigned OB 3.0 micro-module credential that passes the `micro-module`
 * schema (and so the official OB 3.0 schema). Sign it with core's `issueCredential`.
 *
 * Throws {@link SchemaValidationError} (code `invalid-credential`) listing every problem, each with the path
 * of the input field to fix (`/digitalSkillsLevel`, `/skills/1`); it never returns a credential that fails.
 *
 * @example
 * ```ts
 * const credential = buildMicroModuleCredential(row);
 * validate('micro-module', credential).valid; // true
 * ```
 */
export function buildMicroModuleCredential(input: MicroModuleInput): MicroModuleCredential {
  const row = withoutBlankCells(input);
  const { envelope, errors: envelopeErrors } = credentialEnvelope('micro-module', row, row.achievementName);
  const { achievement, errors: skillErrors } = achievementCore(row);
  const { assessment, errors: assessmentErrors } = assessmentFromFields(row);
  const parts = assessment === undefined ? undefined : assessmentParts(assessment);
  const hasProvider = row.providerId !== undefined || row.providerName !== undefined;
  const draft = {
    ...envelope,
    credentialSubject: {
      ...subjectOf(row),
      achievement: {
        ...achievement,
        achievementType: row.achievementType ?? 'Course',
        creator: hasProvider ? profileOf(row.providerId, row.providerName, row.providerUrl) : undefined,
        notionalLearningHours: toNumber(row.notionalLearningHours),
        creditsAvailable: toNumber(row.credits),
        digitalSkillsLevel: row.digitalSkillsLevel,
        deliveryMode: row.deliveryMode,
        learningOutcomes: row.learningOutcomes === undefined ? undefined : toList(row.learningOutcomes),
        resultDescription: parts === undefined ? undefined : [parts.resultDescription],
      },
      result: parts === undefined ? undefined : [parts.result],
    },
  };
  return finishCredential('micro-module', draft, MICRO_MODULE_FIELD_PATHS, [
    ...envelopeErrors,
    ...skillErrors,
    ...assessmentErrors,
  ]) as MicroModuleCredential;
}
