import type { MicroModuleInput, VendorCertificationInput } from '@skills-passport/schemas';

/** A micro-module row exactly as a CSV reader hands it over: every cell a string, some empty. */
export function microModuleRow(overrides: Record<string, string> = {}): MicroModuleInput {
  return {
    issuerId: 'did:web:leeds-college.example',
    issuerName: 'Leeds City College',
    issuerUrl: '',
    learnerId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    learnerName: 'Aisha Khan',
    achievementId: 'https://leeds-college.example/modules/cyber-security-essentials',
    achievementName: 'Cyber security essentials',
    achievementDescription: 'Protecting devices, accounts and data at work.',
    criteria: 'Completed all units and passed the assessment.',
    skills: 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL',
    digitalSkillsLevel: 'general',
    deliveryMode: 'blended',
    learningOutcomes: 'Recognise phishing; Set up multi-factor authentication',
    notionalLearningHours: '12',
    credits: '',
    assessmentValue: '86',
    assessmentRequiredValue: '70',
    validFrom: '2026-03-02',
    ...overrides,
  };
}

/** A vendor certification row as a CSV reader hands it over. */
export function vendorCertificationRow(overrides: Record<string, string> = {}): VendorCertificationInput {
  return {
    issuerId: 'did:web:certs.comptia.example',
    issuerName: 'CompTIA',
    learnerId: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    learnerName: 'Aisha Khan',
    achievementName: 'CompTIA Security+',
    achievementDescription: 'Baseline skills for core security functions.',
    certificationCode: 'SY0-701',
    vendorName: 'CompTIA',
    vendorUrl: 'https://www.comptia.org/',
    candidateId: 'COMP001021234567',
    skills: 'SFIA:SCTY:3',
    validFrom: '2026-02-10',
    validUntil: '2029-02-10',
    renewalCycleMonths: '36',
    renewalContinuingEducationUnits: '50',
    renewalUrl: '',
    ...overrides,
  };
}
