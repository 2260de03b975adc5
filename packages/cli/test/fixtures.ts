import { randomUUID } from 'node:crypto';

/**
 * A plain unsigned Open Badges credential for `issue <file>` (no profile): the issuer service fills in the
 * issuer, id and validFrom.
 */
export function unsignedCredential(
  subjectId: string,
  achievementName = 'Cyber security basics',
): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievementName,
    credentialSubject: {
      id: subjectId,
      type: ['AchievementSubject'],
      achievement: {
        id: `urn:uuid:${randomUUID()}`,
        type: ['Achievement'],
        name: achievementName,
        description: 'Staying safe online at work.',
        criteria: { narrative: 'Completed the module and passed the assessment.' },
      },
    },
  };
}
