import { Codes } from '../codes.js';
import { stringOf } from '../ob2/ob2-assertion.js';
import { asArray, issuerIdOf, typesOf } from './format-check.js';
import { parseInput } from './input.js';
import {
  type CheckResult,
  type CredentialReport,
  type EndorsementReport,
  type EndorsementTarget,
  noFailures,
  result,
} from './report.js';
import { achievementOf, firstSubject } from './summary.js';

type Json = Record<string, unknown>;

/** Most endorsements verified for one credential: each may name another DID and status list to fetch. */
export const MAX_ENDORSEMENTS = 20;

/** One endorsement as found: where, what it endorses, and the credential itself (object or compact JWT). */
interface FoundEndorsement {
  on: EndorsementTarget;
  /** The id of the thing endorsed (credential, achievement or issuer), when it has one. */
  targetId: string | undefined;
  item: unknown;
}

/** Verifies one endorsement as a credential (proof, validity, status, format), without its own endorsements. */
export type VerifyEndorsement = (
  input: { kind: 'json'; document: Json } | { kind: 'jwt'; jwt: string },
) => Promise<CredentialReport>;

/**
 * Every OB 3.0 `EndorsementCredential` in `endorsement` (objects) and `endorsementJwt` (compact JWTs) on the
 * credential, on its achievement and on its issuer profile, in that order.
 *
 * @example
 * endorsementsOf(credential).length; // how many endorsements the credential carries
 */
export function endorsementsOf(credential: Json): FoundEndorsement[] {
  const issuer =
    credential.issuer && typeof credential.issuer === 'object' ? (credential.issuer as Json) : undefined;
  const achievement = achievementOf(credential);
  const holders: Array<[EndorsementTarget, Json | undefined, string | undefined]> = [
    ['credential', credential, stringOf(credential.id)],
    ['achievement', achievement, stringOf(achievement?.id)],
    ['issuer', issuer, issuerIdOf(credential)],
  ];
  return holders.flatMap(([on, holder, targetId]) =>
    holder
      ? [...asArray(holder.endorsement), ...asArray(holder.endorsementJwt)].map((item) => ({
          on,
          targetId,
          item,
        }))
      : [],
  );
}

/**
 * Verifies each endorsement (at most {@link MAX_ENDORSEMENTS}) with `verify`, adds that it must be an
 * `EndorsementCredential` about the thing it is attached to, and sums them up in one `endorsement` check: `pass`
 * (`endorsements-ok`) when all verified, `warn` (`endorsement-invalid`) when any did not, `warn`
 * (`endorsements-too-many`) when some were left unverified. An endorsement is a third party's opinion, not part
 * of the credential's own proof, so a bad one warns and never fails the credential. No endorsements: no check.
 *
 * @example
 * const { endorsements, check } = await verifyEndorsements(credential, verifyWithoutEndorsements);
 */
export async function verifyEndorsements(
  credential: Json,
  verify: VerifyEndorsement,
): Promise<{ endorsements: EndorsementReport[]; check?: CheckResult }> {
  const found = endorsementsOf(credential);
  if (found.length === 0) return { endorsements: [] };
  const endorsements = await Promise.all(
    found.slice(0, MAX_ENDORSEMENTS).map((entry) => verifyOne(entry, verify)),
  );
  return { endorsements, check: summaryCheck(endorsements, found.length) };
}

async function verifyOne(found: FoundEndorsement, verify: VerifyEndorsement): Promise<EndorsementReport> {
  const parsed = parseInput(found.item);
  if (parsed.kind !== 'json' && parsed.kind !== 'jwt') {
    const check =
      parsed.kind === 'invalid'
        ? parsed.check
        : result('format', 'fail', Codes.inputNotJson, 'The endorsement is not a credential or a JWT.');
    return { endorser: {}, on: found.on, verified: false, format: 'unknown', checks: [check] };
  }
  const report = await verify(parsed);
  const checks = [...report.checks];
  const endorsement = report.credential;
  if (endorsement) checks.push(...endorsementChecks(endorsement, found));
  const entry: EndorsementReport = {
    endorser: endorserOf(endorsement),
    on: found.on,
    verified: noFailures(checks),
    format: report.format,
    checks,
  };
  const id = stringOf(endorsement?.id);
  if (id) entry.id = id;
  const comment = stringOf(firstSubject(endorsement)?.endorsementComment);
  if (comment) entry.comment = comment;
  return entry;
}

/** It is an endorsement, and of this credential, achievement or issuer (not one copied from elsewhere). */
function endorsementChecks(endorsement: Json, found: FoundEndorsement): CheckResult[] {
  if (!typesOf(endorsement).includes('EndorsementCredential')) {
    return [
      result(
        'endorsement',
        'fail',
        Codes.endorsementTypeInvalid,
        'The endorsement is not an EndorsementCredential.',
      ),
    ];
  }
  const subjectId = stringOf(firstSubject(endorsement)?.id);
  if (found.targetId !== undefined && subjectId !== found.targetId) {
    return [
      result(
        'endorsement',
        'fail',
        Codes.endorsementSubjectMismatch,
        `The endorsement is about ${subjectId ?? 'nothing named'}, not about the ${found.on} it is attached to (${found.targetId}).`,
      ),
    ];
  }
  return [];
}

function summaryCheck(endorsements: EndorsementReport[], total: number): CheckResult {
  const bad = endorsements.filter((entry) => !entry.verified);
  const capped =
    total > endorsements.length
      ? ` Only the first ${endorsements.length} of ${total} endorsements were verified.`
      : '';
  if (bad.length > 0) {
    const which = bad
      .map((entry) => {
        const reason = entry.checks.find((check) => check.outcome === 'fail')?.code ?? 'not verified';
        return `by ${nameOf(entry)} on the ${entry.on} (${reason})`;
      })
      .join('; ');
    return result(
      'endorsement',
      'warn',
      Codes.endorsementInvalid,
      `${bad.length} of ${endorsements.length} endorsement(s) could not be verified: ${which}. The credential itself is not affected.${capped}`,
    );
  }
  if (capped) return result('endorsement', 'warn', Codes.endorsementsTooMany, capped.trim());
  const who = endorsements.map((entry) => `${nameOf(entry)} (on the ${entry.on})`).join(', ');
  return result(
    'endorsement',
    'pass',
    Codes.endorsementsOk,
    `${endorsements.length} endorsement(s) verified: by ${who}.`,
  );
}

function endorserOf(endorsement: Json | undefined): EndorsementReport['endorser'] {
  if (!endorsement) return {};
  const endorser: EndorsementReport['endorser'] = {};
  const id = issuerIdOf(endorsement);
  if (id) endorser.id = id;
  const issuer = endorsement.issuer;
  const name = issuer && typeof issuer === 'object' ? stringOf((issuer as Json).name) : undefined;
  if (name) endorser.name = name;
  return endorser;
}

function nameOf(entry: EndorsementReport): string {
  return entry.endorser.name ?? entry.endorser.id ?? 'an unknown endorser';
}
