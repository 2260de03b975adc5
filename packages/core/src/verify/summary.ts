import { Codes } from '../codes.js';
import { issuerIdOf, typesOf } from './format-check.js';
import type { CheckResult, CredentialSummary, SkillSummary } from './report.js';

type Json = Record<string, unknown>;

/** The achievement an OB 3.0 credential is about (`credentialSubject.achievement`). */
export function achievementOf(credential: Json): Json | undefined {
  const subject = firstSubject(credential);
  const achievement = subject?.achievement;
  return achievement && typeof achievement === 'object' ? (achievement as Json) : undefined;
}

/**
 * A credential's first `credentialSubject` (a subject may be a list), when it is an object.
 *
 * @example
 * firstSubject(credential)?.id; // the learner's DID
 */
export function firstSubject(credential: Json | undefined): Json | undefined {
  const subject = credential?.credentialSubject;
  const first = Array.isArray(subject) ? subject[0] : subject;
  return first && typeof first === 'object' ? (first as Json) : undefined;
}

/** Names a framework the same way whatever the issuer wrote (`targetFramework` text or its URL). */
export function frameworkOf(alignment: Json): string {
  const text = `${str(alignment.targetFramework) ?? ''} ${str(alignment.targetUrl) ?? ''}`.toLowerCase();
  if (text.includes('sfia')) return 'SFIA';
  if (text.includes('esco')) return 'ESCO';
  if (text.includes('essential digital skills') || text.includes('uk-eds') || text.includes('edsf'))
    return 'UK-EDS';
  return str(alignment.targetFramework) ?? 'other';
}

/** Skills from the achievement's `alignment` entries: framework, code, name, level and URL. */
export function skillsOf(credential: Json): SkillSummary[] {
  const alignments = achievementOf(credential)?.alignment;
  if (!Array.isArray(alignments)) return [];
  return alignments
    .filter((item): item is Json => !!item && typeof item === 'object')
    .map((alignment) => {
      const skill: SkillSummary = {
        framework: frameworkOf(alignment),
        code: str(alignment.targetCode) ?? str(alignment.targetUrl) ?? str(alignment.targetName) ?? '',
      };
      const name = str(alignment.targetName);
      if (name) skill.name = name;
      const level = alignment.skillLevel;
      if (typeof level === 'number' || typeof level === 'string') skill.level = String(level);
      const url = str(alignment.targetUrl);
      if (url) skill.url = url;
      return skill;
    });
}

/** The plain summary every report carries: who issued what to whom, which skills, and when. */
export function summarise(
  credential: Json,
  recognisedAs?: { name: string; registryName: string },
): CredentialSummary {
  const issuer = credential.issuer;
  const issuerId = issuerIdOf(credential);
  const subject = firstSubject(credential);
  const achievement = achievementOf(credential);
  const summary: CredentialSummary = {
    types: typesOf(credential),
    skills: skillsOf(credential),
    status: 'none',
  };
  const id = str(credential.id);
  if (id) summary.id = id;
  if (issuerId) {
    summary.issuer = { id: issuerId, recognised: Boolean(recognisedAs) };
    const name = issuer && typeof issuer === 'object' ? str((issuer as Json).name) : undefined;
    if (name) summary.issuer.name = name;
    if (recognisedAs) {
      summary.issuer.name ??= recognisedAs.name;
      summary.issuer.registryName = recognisedAs.registryName;
    }
  }
  if (subject) {
    summary.learner = {};
    const subjectId = str(subject.id);
    if (subjectId) summary.learner.id = subjectId;
    const name = str(subject.name);
    if (name) summary.learner.name = name;
  }
  if (achievement) {
    summary.achievement = {};
    const fields: Array<[keyof NonNullable<CredentialSummary['achievement']>, unknown]> = [
      ['id', achievement.id],
      ['name', achievement.name ?? credential.name],
      ['type', achievement.achievementType],
      ['description', achievement.description],
      ['code', achievement.humanCode],
    ];
    for (const [key, value] of fields) {
      const text = str(value);
      if (text) summary.achievement[key] = text;
    }
    const level = str(achievement.digitalSkillsLevel);
    if (level) summary.level = level;
  }
  const issued = str(credential.validFrom ?? credential.issuanceDate ?? credential.awardedDate);
  if (issued) summary.issued = issued;
  const expires = str(credential.validUntil ?? credential.expirationDate);
  if (expires) summary.expires = expires;
  return summary;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Status codes that mean "we could not find out", whatever the policy made of them: never "not revoked". */
const COULD_NOT_CHECK = new Set<string>([
  Codes.statusListUnreachable,
  Codes.statusTypeUnsupported,
  Codes.statusNotChecked,
]);

/**
 * The summary's `status` from the `status` check, in the three states an employer reads: `verified` (checked and
 * fine); `revoked` / `suspended` / `failed` (the issuer says so, or the list cannot be trusted); `unchecked` (could
 * not check: the list was unreachable, or the method is not one we read). `none`: nothing to check.
 *
 * @example
 * summaryStatusOf([{ check: 'status', outcome: 'fail', code: 'status-list-invalid', message: '…' }]); // 'failed'
 */
export function summaryStatusOf(checks: CheckResult[]): CredentialSummary['status'] {
  const status = checks.find((check) => check.check === 'status');
  if (!status) return 'unchecked';
  if (status.code === Codes.revoked) return 'revoked';
  if (status.code === Codes.suspended) return 'suspended';
  if (status.code === Codes.statusNone) return 'none';
  if (status.outcome === 'pass') return 'verified';
  return COULD_NOT_CHECK.has(status.code) || status.outcome !== 'fail' ? 'unchecked' : 'failed';
}
