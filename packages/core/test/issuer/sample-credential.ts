// Test support: an unsigned micro-module credential built with the schemas package, as a provider would send it.
import { buildMicroModuleCredential } from '@skills-passport/schemas';

export function microModule(overrides: { learnerId?: string } = {}): Record<string, unknown> {
  return buildMicroModuleCredential({
    issuerId: 'did:web:placeholder.example',
    issuerName: 'Leeds City College',
    learnerId: overrides.learnerId ?? 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    learnerName: 'Aisha Khan',
    achievementName: 'Cyber security essentials',
    achievementDescription: 'Protecting devices and data at work.',
    criteria: 'Completed all units and passed the assessment.',
    skills: 'SFIA:SCTY:2; UK-EDS:EDS-SAFE-LEGAL',
    digitalSkillsLevel: 'general',
    deliveryMode: 'blended',
    notionalLearningHours: '12',
    learningOutcomes: 'Recognise phishing; Use multi-factor authentication',
    validFrom: '2026-03-02',
  }) as unknown as Record<string, unknown>;
}
