import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLR_CONTEXT_URL,
  createVerifier,
  generateKey,
  issueCredential,
  matchRequirements,
  type PassportKeyPair,
} from '../../src/index.js';
import { forbiddenFetch, OB_CONTEXT, openBadge } from '../fixtures.js';

describe('verifying a CLR 2.0 ClrCredential as a passport', () => {
  let college: PassportKeyPair;
  let learner: PassportKeyPair;
  let inner: Array<Record<string, unknown> | string>;
  const verify = createVerifier({ resolverOptions: { fetch: forbiddenFetch() } });

  beforeAll(async () => {
    [college, learner] = await Promise.all([generateKey(), generateKey()]);
    inner = [
      await issueCredential(openBadge(college, learner.controller), { issuerKey: college }),
      await issueCredential(openBadge(college, learner.controller, { name: 'Networking' }), {
        issuerKey: college,
        format: 'jwt',
      }),
    ];
  });

  function clr(credentials: Array<Record<string, unknown> | string>) {
    return {
      '@context': [OB_CONTEXT[0], CLR_CONTEXT_URL, OB_CONTEXT[1]],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'ClrCredential'],
      name: 'Transcript',
      issuer: { id: college.controller, type: ['Profile'], name: 'Example Training College' },
      validFrom: '2026-01-10T09:00:00Z',
      credentialSubject: { id: learner.controller, type: ['ClrSubject'], verifiableCredential: credentials },
    };
  }

  it.each(['di', 'jwt'] as const)(
    'reports a %s CLR and each credential inside, bound to its learner',
    async (format) => {
      const signed = await issueCredential(clr(inner), { issuerKey: college, format });
      const report = await verify(signed);
      expect(report.verified).toBe(true);
      expect(report.holder).toBe(learner.controller);
      expect(report.credentials.map((credential) => credential.summary.types.at(-1))).toEqual([
        'ClrCredential',
        'OpenBadgeCredential',
        'OpenBadgeCredential',
      ]);
      expect(report.checks.find((check) => check.check === 'holder')?.code).toBe('holder-ok');
      const match = matchRequirements(report, {
        title: 'Analyst',
        requirements: [{ framework: 'SFIA', code: 'SCTY', importance: 'required' }],
      });
      expect(match.requirements[0]?.evidence).toHaveLength(2);
    },
  );

  it("fails holder-mismatch for a credential inside that is not the CLR learner's", async () => {
    const other = await generateKey();
    const stranger = await issueCredential(openBadge(college, other.controller), { issuerKey: college });
    const report = await verify(await issueCredential(clr([...inner, stranger]), { issuerKey: college }));
    expect(report.verified).toBe(false);
    expect(report.credentials.map((credential) => credential.verified)).toEqual([true, true, true, false]);
    expect(report.credentials[3]?.checks.find((check) => check.check === 'holder')?.code).toBe(
      'holder-mismatch',
    );
  });
});
