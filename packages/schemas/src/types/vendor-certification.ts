import type {
  Achievement,
  AchievementSubject,
  Alignment,
  IdentityObject,
  OpenBadgeCredential,
  Profile,
} from './open-badges.js';

/**
 * How a certification is renewed: every `cycleMonths`, with `continuingEducationUnits` per cycle, see `url`.
 *
 * @example
 * ```ts
 * const renewal: CertificationRenewal = { cycleMonths: 36, continuingEducationUnits: 50, url: 'https://www.comptia.org/continuing-education' };
 * ```
 */
export interface CertificationRenewal {
  cycleMonths?: number;
  continuingEducationUnits?: number;
  url?: string;
}

/**
 * The achievement of a vendor certification: the vendor is `creator`, the certification code `humanCode`.
 *
 * @example
 * ```ts
 * credential.credentialSubject.achievement.humanCode; // 'SY0-701'
 * ```
 */
export interface CertificationAchievement extends Achievement {
  achievementType: 'Certification';
  creator: Profile & { name: string };
  humanCode: string;
  alignment: Alignment[];
  renewal?: CertificationRenewal;
}

/**
 * A vendor certification credential (schema kind `vendor-certification`); it always has `validUntil`.
 *
 * @example
 * ```ts
 * const credential: VendorCertificationCredential = buildVendorCertificationCredential(input);
 * ```
 */
export interface VendorCertificationCredential extends OpenBadgeCredential {
  validUntil: string;
  credentialSubject: AchievementSubject & {
    identifier: IdentityObject[];
    achievement: CertificationAchievement;
  };
}
