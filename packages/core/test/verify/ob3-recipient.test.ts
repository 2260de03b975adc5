import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PassportKeyPair } from '../../src/index.js';
import { keys } from '../fixtures.js';
import { codesOf, FORMS, issueIn, recordingFetch, sha256Of } from './ob3-fixtures.js';

const EMAIL = 'sam.taylor@example.org';
const SALT = 'e1c9f0';
const md5 = (text: string) => `md5$${createHash('md5').update(text).digest('hex')}`;

function identifier(identityHash: string, extra: Record<string, unknown> = {}) {
  return { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash, ...extra };
}

describe('the OB 3.0 recipient check (credentialSubject.identifier)', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  const web = recordingFetch();
  const verify = web.verifier();

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  describe.each(FORMS)('in the %s form', (form) => {
    it('matches a salted sha256 identity hash, and fails another email', async () => {
      const credential = await issueIn(
        form,
        issuer,
        learner.controller,
        {},
        {
          identifier: [identifier(`sha256$${sha256Of(EMAIL + SALT)}`, { salt: SALT })],
        },
      );
      const matched = await verify(credential, { recipient: EMAIL });
      expect(matched.verified).toBe(true);
      expect(codesOf(matched.credentials[0]!).recipient).toBe('recipient-ok');
      const other = await verify(credential, { recipient: 'alex.morgan@example.org' });
      expect(other.verified).toBe(false);
      expect(codesOf(other.credentials[0]!).recipient).toBe('recipient-mismatch');
      expect(codesOf(other.credentials[0]!).proof).toBe('proof-ok');
    });

    it('matches an unsalted hash of the lower-cased email when the employer types capitals', async () => {
      const credential = await issueIn(
        form,
        issuer,
        learner.controller,
        {},
        {
          identifier: [identifier(`sha256$${sha256Of(EMAIL)}`)],
        },
      );
      expect(
        codesOf((await verify(credential, { recipient: 'Sam.Taylor@Example.org' })).credentials[0]!)
          .recipient,
      ).toBe('recipient-ok');
      const other = await verify(credential, { recipient: 'sam.taylor@example.com' });
      expect(codesOf(other.credentials[0]!).recipient).toBe('recipient-mismatch');
    });

    it('compares a plain email identifier case-insensitively', async () => {
      const credential = await issueIn(
        form,
        issuer,
        learner.controller,
        {},
        {
          identifier: [
            { type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: EMAIL },
          ],
        },
      );
      const report = await verify(credential, { recipient: 'SAM.TAYLOR@example.org' });
      expect(report.verified).toBe(true);
      expect(codesOf(report.credentials[0]!).recipient).toBe('recipient-ok');
      const other = await verify(credential, { recipient: 'sam.taylor@example.org.evil' });
      expect(codesOf(other.credentials[0]!).recipient).toBe('recipient-mismatch');
    });
  });

  it('matches an md5 identity hash with its salt and fails without the right salt', async () => {
    const credential = await issueIn(
      'vc2-di',
      issuer,
      learner.controller,
      {},
      {
        identifier: [identifier(md5(EMAIL + SALT), { salt: SALT })],
      },
    );
    expect(codesOf((await verify(credential, { recipient: EMAIL })).credentials[0]!).recipient).toBe(
      'recipient-ok',
    );
    const unsalted = await issueIn(
      'vc2-di',
      issuer,
      learner.controller,
      {},
      {
        identifier: [identifier(md5(EMAIL + SALT))],
      },
    );
    expect(codesOf((await verify(unsalted, { recipient: EMAIL })).credentials[0]!).recipient).toBe(
      'recipient-mismatch',
    );
  });

  it('passes when any one of several identifiers matches, and respects the asked identity type', async () => {
    const credential = await issueIn(
      'vc2-jwt',
      issuer,
      learner.controller,
      {},
      {
        identifier: [
          { type: 'IdentityObject', identityType: 'studentId', hashed: false, identityHash: 'S-1042' },
          identifier(`sha256$${sha256Of(EMAIL + SALT)}`, { salt: SALT }),
        ],
      },
    );
    expect(codesOf((await verify(credential, { recipient: EMAIL })).credentials[0]!).recipient).toBe(
      'recipient-ok',
    );
    const typed = await verify(credential, { recipient: { identity: EMAIL, type: 'email' } });
    expect(codesOf(typed.credentials[0]!).recipient).toBe('recipient-ok');
    const wrongType = await verify(credential, { recipient: { identity: EMAIL, type: 'url' } });
    expect(codesOf(wrongType.credentials[0]!).recipient).toBe('recipient-mismatch');
  });

  it('warns when the only identifier is hashed with an algorithm it cannot compare', async () => {
    const credential = await issueIn(
      'vc2-di',
      issuer,
      learner.controller,
      {},
      {
        identifier: [identifier('sha1$0123456789abcdef0123456789abcdef01234567')],
      },
    );
    const report = await verify(credential, { recipient: EMAIL });
    expect(report.verified).toBe(true);
    expect(codesOf(report.credentials[0]!).recipient).toBe('recipient-hash-unsupported');
  });

  it('skips when no identity is given, and adds no recipient check to a credential without identifiers', async () => {
    const withIdentifier = await issueIn(
      'vc2-di',
      issuer,
      learner.controller,
      {},
      {
        identifier: [identifier(`sha256$${sha256Of(EMAIL)}`)],
      },
    );
    const report = await verify(withIdentifier);
    expect(report.verified).toBe(true);
    expect(report.credentials[0]!.checks.find((check) => check.check === 'recipient')).toMatchObject({
      outcome: 'skip',
      code: 'recipient-not-checked',
    });
    const plain = await issueIn('vc2-di', issuer, learner.controller);
    const none = await verify(plain);
    expect(none.credentials[0]!.checks.some((check) => check.check === 'recipient')).toBe(false);
    const asked = await verify(plain, { recipient: EMAIL });
    expect(asked.verified).toBe(true);
    expect(asked.credentials[0]!.checks.find((check) => check.check === 'recipient')).toMatchObject({
      outcome: 'skip',
      code: 'recipient-not-checked',
    });
  });

  it("passes when the expected identity is the subject's own id", async () => {
    const credential = await issueIn('vc2-di', issuer, learner.controller);
    const report = await verify(credential, { recipient: learner.controller });
    expect(codesOf(report.credentials[0]!).recipient).toBe('recipient-ok');
  });

  it('fetches nothing for any of it', () => {
    expect(web.requests).toEqual([]);
  });
});
