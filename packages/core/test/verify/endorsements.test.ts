import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EndorsementReport, PassportKeyPair } from '../../src/index.js';
import { keys, OB_CONTEXT, openBadge } from '../fixtures.js';
import { asVc1, codesOf, issueIn, recordingFetch, signDataIntegrity, signJwt } from './ob3-fixtures.js';

type Json = Record<string, unknown>;

const CREDENTIAL_ID = 'urn:uuid:5b0f4f0e-7a51-4c0e-9d43-2f3a1c9e7b10';
const ACHIEVEMENT_ID = 'https://training.example.org/achievements/cyber-essentials';

function endorsement(endorser: PassportKeyPair, name: string, subjectId: string, extra: Json = {}): Json {
  return {
    '@context': OB_CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${name} endorses this`,
    issuer: { id: endorser.controller, type: ['Profile'], name },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: subjectId,
      type: ['EndorsementSubject'],
      endorsementComment: 'Meets our standard for entry-level security roles.',
    },
    ...extra,
  };
}

/** The same JWT with a changed payload and the original signature. */
function tamperJwt(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  claims.credentialSubject.endorsementComment = 'Outstanding in every respect.';
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

function byEndorser(endorsements: EndorsementReport[] | undefined, id: string) {
  return endorsements?.find((entry) => entry.endorser.id === id);
}

describe('OB 3.0 endorsements', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  let council: PassportKeyPair;
  let employer: PassportKeyPair;
  let association: PassportKeyPair;
  const web = recordingFetch();
  const verify = web.verifier();

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
    [council, employer, association] = await Promise.all([keys(), keys(), keys()]).then((all) =>
      all.map((set) => set.issuer),
    );
  });

  /** The fixture badge with `endorsement` / `endorsementJwt` on the credential, achievement and issuer. */
  function endorsedOverrides(parts: { credential?: Json; achievement?: Json; issuer?: Json }) {
    const base = openBadge(issuer, learner.controller) as Json & { credentialSubject: Json };
    const subject = base.credentialSubject as Json & { achievement: Json };
    return {
      overrides: {
        id: CREDENTIAL_ID,
        issuer: { ...(base.issuer as Json), ...parts.issuer },
        ...parts.credential,
      },
      subject: { achievement: { ...subject.achievement, ...parts.achievement } },
    };
  }

  describe.each(['vc2-di', 'vc2-jwt', 'vc1-di', 'vc1-jwt'] as const)(
    'on a credential in the %s form',
    (form) => {
      it('lists a valid and a tampered endorsement with their endorsers, and only warns about the bad one', async () => {
        // Endorsements share the credential's data model: VC 1.1 contexts cannot embed VC 2.0 ones.
        const inForm = (endorser: PassportKeyPair, name: string, subjectId: string) => {
          const made = endorsement(endorser, name, subjectId);
          return form.startsWith('vc1') ? asVc1(made) : made;
        };
        const good = await signDataIntegrity(inForm(council, 'Cyber Skills Council', CREDENTIAL_ID), council);
        const goodJwt = await signJwt(inForm(employer, 'Harbour Logistics', ACHIEVEMENT_ID), employer, 'vc2');
        const bad = {
          ...(await signDataIntegrity(
            inForm(association, 'Security Association', CREDENTIAL_ID),
            association,
          )),
          name: 'Changed after signing',
        };
        // `endorsementJwt` is not a term of the OB 3.0 JSON-LD context: only JWT-secured credentials carry it.
        const onAchievement = form.endsWith('jwt')
          ? { endorsementJwt: [goodJwt] }
          : {
              endorsement: [
                await signDataIntegrity(inForm(employer, 'Harbour Logistics', ACHIEVEMENT_ID), employer),
              ],
            };
        const { overrides, subject } = endorsedOverrides({
          credential: { endorsement: [good, bad] },
          achievement: onAchievement,
        });
        const credential = await issueIn(form, issuer, learner.controller, overrides, subject);
        const report = await verify(credential);
        expect(report.verified).toBe(true);
        const result = report.credentials[0]!;
        expect(result.endorsements).toHaveLength(3);
        expect(byEndorser(result.endorsements, council.controller)).toMatchObject({
          endorser: { id: council.controller, name: 'Cyber Skills Council' },
          on: 'credential',
          verified: true,
          format: 'di',
        });
        expect(byEndorser(result.endorsements, employer.controller)).toMatchObject({
          endorser: { id: employer.controller, name: 'Harbour Logistics' },
          on: 'achievement',
          verified: true,
          format: form.endsWith('jwt') ? 'jwt' : 'di',
          comment: 'Meets our standard for entry-level security roles.',
        });
        const rejected = byEndorser(result.endorsements, association.controller);
        expect(rejected).toMatchObject({
          endorser: { id: association.controller, name: 'Security Association' },
          on: 'credential',
          verified: false,
        });
        expect(codesOf(rejected!).proof).toBe('proof-invalid');
        expect(result.checks.find((check) => check.check === 'endorsement')).toMatchObject({
          outcome: 'warn',
          code: 'endorsement-invalid',
        });
        expect(result.checks.find((check) => check.check === 'endorsement')?.message).toContain(
          'Security Association',
        );
      });
    },
  );

  it('verifies endorsements on the issuer profile and JWT endorsements, failing a tampered JWT', async () => {
    const onIssuer = await signJwt(
      endorsement(council, 'Cyber Skills Council', issuer.controller),
      council,
      'vc2',
    );
    const tampered = tamperJwt(
      await signJwt(endorsement(employer, 'Harbour Logistics', ACHIEVEMENT_ID), employer, 'vc2'),
    );
    const { overrides, subject } = endorsedOverrides({
      issuer: { endorsementJwt: [onIssuer] },
      achievement: { endorsementJwt: [tampered] },
    });
    const report = await verify(await issueIn('vc2-jwt', issuer, learner.controller, overrides, subject));
    const endorsements = report.credentials[0]!.endorsements;
    expect(byEndorser(endorsements, council.controller)).toMatchObject({ on: 'issuer', verified: true });
    const bad = byEndorser(endorsements, employer.controller);
    expect(bad).toMatchObject({ on: 'achievement', verified: false });
    expect(codesOf(bad!).proof).toBe('proof-invalid');
    expect(report.verified).toBe(true);
  });

  it('passes the summary check when every endorsement verifies', async () => {
    const good = await signDataIntegrity(
      endorsement(council, 'Cyber Skills Council', ACHIEVEMENT_ID),
      council,
    );
    const { overrides, subject } = endorsedOverrides({ achievement: { endorsement: [good] } });
    const report = await verify(await issueIn('vc2-jwt', issuer, learner.controller, overrides, subject));
    expect(report.verified).toBe(true);
    expect(codesOf(report.credentials[0]!).endorsement).toBe('endorsements-ok');
    expect(report.credentials[0]!.endorsements).toEqual([
      expect.objectContaining({
        endorser: { id: council.controller, name: 'Cyber Skills Council' },
        verified: true,
      }),
    ]);
  });

  it('rejects an endorsement of something else, and a credential that is not an endorsement', async () => {
    const elsewhere = await signDataIntegrity(
      endorsement(council, 'Cyber Skills Council', 'https://other.example.org/achievements/x'),
      council,
    );
    const notEndorsement = await signDataIntegrity(openBadge(employer, learner.controller), employer);
    const { overrides, subject } = endorsedOverrides({
      achievement: { endorsement: [elsewhere, notEndorsement] },
    });
    const report = await verify(await issueIn('vc2-di', issuer, learner.controller, overrides, subject));
    const endorsements = report.credentials[0]!.endorsements!;
    expect(codesOf(byEndorser(endorsements, council.controller)!).endorsement).toBe(
      'endorsement-subject-mismatch',
    );
    expect(codesOf(byEndorser(endorsements, employer.controller)!).endorsement).toBe(
      'endorsement-type-invalid',
    );
    expect(endorsements.every((entry) => !entry.verified)).toBe(true);
    // (The credential itself fails its OB schema here: `endorsement` may only hold EndorsementCredentials.)
  });

  it('does not verify endorsements of an endorsement (depth 1)', async () => {
    const inner = {
      ...(await signDataIntegrity(
        endorsement(association, 'Security Association', CREDENTIAL_ID),
        association,
      )),
      name: 'Changed after signing',
    };
    const outer = await signDataIntegrity(
      endorsement(council, 'Cyber Skills Council', CREDENTIAL_ID, { endorsement: [inner] }),
      council,
    );
    const { overrides, subject } = endorsedOverrides({ credential: { endorsement: [outer] } });
    const report = await verify(await issueIn('vc2-di', issuer, learner.controller, overrides, subject));
    const endorsements = report.credentials[0]!.endorsements!;
    expect(endorsements).toHaveLength(1);
    expect(endorsements[0]).toMatchObject({ endorser: { id: council.controller }, verified: true });
    expect(codesOf(report.credentials[0]!).endorsement).toBe('endorsements-ok');
  });

  it('verifies at most 20 endorsements and says the rest were not checked', async () => {
    const one = await signJwt(endorsement(council, 'Cyber Skills Council', CREDENTIAL_ID), council, 'vc2');
    const { overrides, subject } = endorsedOverrides({ credential: { endorsementJwt: Array(21).fill(one) } });
    const report = await verify(await issueIn('vc2-jwt', issuer, learner.controller, overrides, subject));
    expect(report.credentials[0]!.endorsements).toHaveLength(20);
    expect(report.credentials[0]!.checks.find((check) => check.check === 'endorsement')).toMatchObject({
      outcome: 'warn',
      code: 'endorsements-too-many',
    });
  });

  it('adds nothing to a credential without endorsements, and fetches nothing for any of it', async () => {
    const report = await verify(await issueIn('vc2-di', issuer, learner.controller));
    expect(report.credentials[0]!.endorsements).toBeUndefined();
    expect(report.credentials[0]!.checks.some((check) => check.check === 'endorsement')).toBe(false);
    expect(web.requests).toEqual([]);
  });
});
