import { createHash } from 'node:crypto';
import { schemaKindsFor } from '../verify/schema-kinds.js';
import { achievementOf, skillsOf } from '../verify/summary.js';
import type { IssuanceRecordShape, IssuedStatusShape } from './issuer-state-store.js';

const LEVELS = new Set(['essential', 'general', 'specialist']);
const CERTIFICATION_TYPES = new Set(['Certification', 'Certificate', 'License']);
const MODULE_TYPES = new Set(['Course', 'MicroCredential']);

/**
 * The issuance log line for a signed credential: identifiers, the achievement, its skills (codes only, read the
 * same way the verifier's summary reads them), level and kind for statistics, and a SHA-256 of what was issued.
 *
 * @example
 * const record = issuanceRecordOf(unsigned, signed, { issuerId: 'acme', status, issuedAt: new Date() });
 * record.kind; // 'micro-module'
 */
export function issuanceRecordOf(
  credential: Record<string, unknown>,
  signed: Record<string, unknown> | string,
  details: {
    issuerId: string;
    status: IssuedStatusShape[];
    issuedAt: Date;
    areaCode?: string | undefined;
    batchKey?: string | undefined;
  },
): IssuanceRecordShape {
  const achievement = achievementOf(credential) ?? {};
  const subject = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject[0]
    : credential.credentialSubject;
  const level = achievement.digitalSkillsLevel;
  const record: IssuanceRecordShape = {
    credentialId: String(credential.id),
    issuerId: details.issuerId,
    subjectId: text((subject as Record<string, unknown> | undefined)?.id),
    kind: kindOf(credential, achievement),
    achievementId: text(achievement.id),
    achievementName: text(achievement.name ?? credential.name),
    skills: skillsOf(credential).map((skill) => ({
      framework: skill.framework,
      code: skill.code,
      ...(skill.level ? { level: skill.level } : {}),
    })),
    level: typeof level === 'string' && LEVELS.has(level) ? (level as IssuanceRecordShape['level']) : null,
    areaCode: details.areaCode ?? null,
    issuedAt: details.issuedAt.toISOString(),
    credentialHash: createHash('sha256')
      .update(typeof signed === 'string' ? signed : JSON.stringify(signed))
      .digest('hex'),
    status: details.status,
  };
  if (details.batchKey !== undefined) record.batchKey = details.batchKey;
  return record;
}

/** Our profile in `credentialSchema` decides; otherwise the OB `achievementType` is a good guess. */
function kindOf(
  credential: Record<string, unknown>,
  achievement: Record<string, unknown>,
): IssuanceRecordShape['kind'] {
  const kinds = schemaKindsFor(credential);
  if (kinds.includes('micro-module')) return 'micro-module';
  if (kinds.includes('vendor-certification')) return 'vendor-certification';
  const type = achievement.achievementType;
  if (typeof type === 'string' && CERTIFICATION_TYPES.has(type)) return 'vendor-certification';
  if (typeof type === 'string' && MODULE_TYPES.has(type)) return 'micro-module';
  return 'other';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
