import { describe, expect, it, vi } from 'vitest';
import {
  createDidResolver,
  createDocumentLoader,
  createVerifier,
  issueCredential,
  type StatusChecker,
} from '../../src/index.js';
import { result } from '../../src/verify/report.js';
import { forbiddenFetch, keys, openBadge } from '../fixtures.js';

describe('the result cache for credentials seen before', () => {
  it('skips canonicalization on a second sight but still reports expiry and revocation that happened since', async () => {
    const { issuer, learner } = await keys();
    const signed = await issueCredential(
      openBadge(issuer, learner.controller, {
        validUntil: '2027-01-01T00:00:00Z',
        credentialStatus: {
          id: 'https://status.example.org/lists/1#5',
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '5',
          statusListCredential: 'https://status.example.org/lists/1',
        },
      }),
      { issuerKey: issuer, format: 'di', validateSchema: false },
    );
    const loader = vi.fn(createDocumentLoader({ resolver: createDidResolver({ fetch: forbiddenFetch() }) }));
    let revoked = false;
    const checkStatus: StatusChecker = async () =>
      revoked
        ? result('status', 'fail', 'revoked', 'Revoked.')
        : result('status', 'pass', 'status-ok', 'Not revoked.');
    let now = new Date('2026-06-01T00:00:00Z');
    const verify = createVerifier({ documentLoader: loader, checkStatus, now: () => now });

    const first = await verify(signed);
    expect(first.verified).toBe(true);
    const loadsAfterFirst = loader.mock.calls.length;
    expect(loadsAfterFirst).toBeGreaterThan(0);

    const second = await verify(signed);
    expect(second.verified).toBe(true);
    expect(second.checks.find((check) => check.check === 'proof')?.code).toBe('proof-ok');
    expect(loader.mock.calls.length).toBe(loadsAfterFirst); // no JSON-LD processing the second time

    revoked = true;
    const afterRevocation = await verify(signed);
    expect(afterRevocation.verified).toBe(false);
    expect(afterRevocation.checks.map((check) => check.code)).toContain('revoked');

    revoked = false;
    now = new Date('2027-02-01T00:00:00Z');
    const afterExpiry = await verify(signed);
    expect(afterExpiry.verified).toBe(false);
    expect(afterExpiry.checks.map((check) => check.code)).toContain('expired');
  });

  it('never answers from the cache for a credential changed by one character', async () => {
    const { issuer, learner } = await keys();
    const signed = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'di',
    })) as Record<string, any>;
    const verify = createVerifier({ resolverOptions: { fetch: forbiddenFetch() } });
    expect((await verify(signed)).verified).toBe(true);
    const tampered = structuredClone(signed);
    tampered.credentialSubject.achievement.name = 'Cyber security essentialz';
    const report = await verify(tampered);
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => check.check === 'proof')?.code).toBe('proof-invalid');
  });

  it('does not let a caller who edits a report change what the next caller is told', async () => {
    const { issuer, learner } = await keys();
    const signed = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });
    const verify = createVerifier({ resolverOptions: { fetch: forbiddenFetch() } });
    const first = await verify(signed);
    for (const check of first.checks) check.outcome = 'fail';
    expect((await verify(signed)).verified).toBe(true);
  });
});
