// Builders: the two entry points and the types of their input. Their helpers stay internal.
export type { AchievementInput } from './builders/achievement-input.js';
export type { AssessmentFields, AssessmentInput } from './builders/assessment-result.js';
export { candidateIdentifier } from './builders/candidate-identifier.js';
export type { CredentialEnvelopeInput } from './builders/credential-envelope.js';
export { buildMicroModuleCredential, type MicroModuleInput } from './builders/micro-module-credential.js';
export type { SkillsInput } from './builders/skills-input.js';
export {
  buildVendorCertificationCredential,
  type VendorCertificationInput,
} from './builders/vendor-certification-credential.js';
export * from './context.js';
export * from './schema-error.js';
export * from './schema-files.js';
export * from './schema-ids.js';
export * from './schema-validation-error.js';
export * from './skill-reference.js';
export type * from './types/job-requirements.js';
export type * from './types/micro-module.js';
export type * from './types/open-badges.js';
export type * from './types/skills-passport.js';
export type * from './types/vendor-certification.js';
export * from './validate.js';
