import type { Achievement, AchievementSubject, Alignment, OpenBadgeCredential } from './open-badges.js';

/**
 * Level on the UK digital skills spectrum (DfE): essential, general (workplace) or specialist digital skills.
 *
 * @example
 * ```ts
 * const level: DigitalSkillsLevel = 'essential';
 * ```
 */
export type DigitalSkillsLevel = 'essential' | 'general' | 'specialist';

/**
 * How the module was delivered.
 *
 * @example
 * ```ts
 * const mode: DeliveryMode = 'blended';
 * ```
 */
export type DeliveryMode = 'online' | 'in-person' | 'blended';

/**
 * The achievement of a micro-module credential: an OB `Achievement` of type `Course` or `MicroCredential`
 * with our extension terms.
 *
 * @example
 * ```ts
 * const hours = credential.credentialSubject.achievement.notionalLearningHours;
 * ```
 */
export interface MicroModuleAchievement extends Achievement {
  achievementType: 'Course' | 'MicroCredential';
  alignment: Alignment[];
  notionalLearningHours?: number;
  digitalSkillsLevel: DigitalSkillsLevel;
  deliveryMode: DeliveryMode;
  learningOutcomes: string[];
}

/**
 * A credential for a completed short module (schema kind `micro-module`).
 *
 * @example
 * ```ts
 * const credential: MicroModuleCredential = buildMicroModuleCredential(row);
 * ```
 */
export interface MicroModuleCredential extends OpenBadgeCredential {
  credentialSubject: AchievementSubject & { achievement: MicroModuleAchievement };
}
