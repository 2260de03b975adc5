import type { IssuerProfile } from '@skills-passport/core';
import {
  buildMicroModuleCredential,
  buildVendorCertificationCredential,
  SchemaValidationError,
} from '@skills-passport/schemas';
import { CliCodes, CliError } from './cli-error.js';

/** The credential profiles the CLI can build from plain input (a JSON object or a CSV row). */
export const PROFILES = ['micro-module', 'vendor-certification'] as const;

export type ProfileName = (typeof PROFILES)[number];

/**
 * Builds an unsigned credential of a profile from plain input, filling the issuer from the local issuer
 * profile. Bad input becomes `credential-invalid` with every problem and its path in `details`.
 *
 * @example
 * const credential = buildProfileCredential('micro-module', { learnerName: 'Aisha Khan', … }, issuer);
 */
export function buildProfileCredential(
  profile: ProfileName,
  input: Record<string, unknown>,
  issuer: IssuerProfile,
): Record<string, unknown> {
  const issuerUrl = typeof issuer.profile.url === 'string' ? issuer.profile.url : undefined;
  const full = {
    ...input,
    issuerId: issuer.did,
    issuerName: issuer.name,
    ...(issuerUrl ? { issuerUrl } : {}),
  };
  try {
    const built =
      profile === 'micro-module'
        ? buildMicroModuleCredential(full as unknown as Parameters<typeof buildMicroModuleCredential>[0])
        : buildVendorCertificationCredential(
            full as unknown as Parameters<typeof buildVendorCertificationCredential>[0],
          );
    return built as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SchemaValidationError) {
      throw new CliError(CliCodes.credentialInvalid, error.message, { details: error.errors });
    }
    throw error;
  }
}

/**
 * The CSV header (= builder input fields) and an example row of a profile, for `issue-batch --template`.
 *
 * @example
 * profileTemplate('micro-module').header; // ['learnerId', 'learnerName', …]
 */
export function profileTemplate(profile: ProfileName): { header: string[]; example: string[] } {
  const rows = TEMPLATES[profile];
  return { header: rows.map(([column]) => column), example: rows.map(([, value]) => value) };
}

const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

// The columns a provider usually fills; every other builder field (see docs/cli.md) may be added as a column.
const TEMPLATES: Record<ProfileName, Array<[string, string]>> = {
  'micro-module': [
    ['learnerId', LEARNER],
    ['learnerName', 'Aisha Khan'],
    ['achievementId', 'https://training.example/modules/cyber-essentials'],
    ['achievementName', 'Cyber security essentials'],
    ['achievementDescription', 'Protecting devices and data at work.'],
    ['criteria', 'Completed all units and passed the end-of-module assessment.'],
    ['skills', 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL'],
    ['digitalSkillsLevel', 'general'],
    ['deliveryMode', 'blended'],
    ['learningOutcomes', 'Recognise phishing; Use multi-factor authentication'],
    ['notionalLearningHours', '12'],
    ['assessmentValue', '86'],
    ['validFrom', '2026-03-02'],
    ['validUntil', ''],
    ['areaCode', 'E08000035'],
  ],
  'vendor-certification': [
    ['learnerId', LEARNER],
    ['learnerName', 'Sam Patel'],
    ['achievementId', 'https://vendor.example/certifications/security-plus'],
    ['achievementName', 'CompTIA Security+'],
    ['achievementDescription', 'Core skills for a cyber security role.'],
    ['certificationCode', 'SY0-701'],
    ['vendorName', 'CompTIA'],
    ['vendorUrl', 'https://www.comptia.org/'],
    ['candidateId', 'COMP001021234567'],
    ['skills', 'SFIA:SCTY:3'],
    ['validFrom', '2026-02-10'],
    ['validUntil', '2029-02-10'],
    ['renewalCycleMonths', '36'],
    ['renewalContinuingEducationUnits', '50'],
    ['areaCode', 'E08000035'],
  ],
};
