import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, issueCredential, type PassportKeyPair, TrustRegistry } from '../../src/index.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

describe('trust registry and the issuer check', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;
  let credential: string;

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
    credential = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });
  });

  const registryWith = (entries: object[]) =>
    TrustRegistry.from({ name: 'Tech Skills Partnership', issuers: entries });
  const issuerCheck = async (options: Parameters<typeof createVerifier>[0]) => {
    const report = await createVerifier({ resolverOptions: { fetch: forbiddenFetch() }, ...options })(
      credential,
    );
    return { report, check: report.checks.find((c) => c.check === 'issuer') };
  };

  it('passes a recognised issuer and names it in the summary', async () => {
    const { report, check } = await issuerCheck({
      trustRegistry: registryWith([{ id: issuer.controller, name: 'Example Training College' }]),
    });
    expect(check).toMatchObject({ outcome: 'pass', code: 'issuer-trusted' });
    expect(report.credentials[0]?.summary.issuer).toMatchObject({
      recognised: true,
      registryName: 'Tech Skills Partnership',
    });
  });

  it('warns about an unknown issuer by default, and fails when registered issuers are required', async () => {
    const registry = registryWith([{ id: 'did:web:other.example', name: 'Other' }]);
    const lenient = await issuerCheck({ trustRegistry: registry });
    expect(lenient.check).toMatchObject({ outcome: 'warn', code: 'issuer-unknown' });
    expect(lenient.report.verified).toBe(true);
    const strict = await issuerCheck({ trustRegistry: registry, requireTrustedIssuer: true });
    expect(strict.check).toMatchObject({ outcome: 'fail', code: 'issuer-unknown' });
    expect(strict.report.verified).toBe(false);
  });

  it('fails an issuer recognised only for other kinds of achievement', async () => {
    const { check } = await issuerCheck({
      trustRegistry: registryWith([
        { id: issuer.controller, name: 'Vendor', achievementTypes: ['Certification'] },
      ]),
    });
    expect(check).toMatchObject({ outcome: 'fail', code: 'issuer-not-authorized' });
  });

  it('refuses a registry file without a name or issuers (configuration error)', () => {
    expect(() => TrustRegistry.from({ issuers: [] })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
    expect(() => TrustRegistry.from({ name: 'x', issuers: [{ id: 'did:x' }] })).toThrow(
      /needs an "id" and a "name"/,
    );
  });
});
