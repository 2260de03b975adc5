import { beforeAll, describe, expect, it } from 'vitest';
import {
  Codes,
  createDidResolver,
  createVerifier,
  issueCredential,
  type PassportKeyPair,
  type StatusChecker,
  statusNotChecked,
} from '../../src/index.js';
import { result } from '../../src/verify/report.js';
import { keys, openBadge } from '../fixtures.js';

/**
 * A JWT credential's other checks (validity, status, schema, issuer) do not wait for its signature check, which
 * runs off the main thread: they run meanwhile. The report is the same as if they had run one after the other.
 */
describe('JWT credential checks run while the signature is checked', () => {
  let issuer: PassportKeyPair;
  let learner: PassportKeyPair;

  beforeAll(async () => {
    ({ issuer, learner } = await keys());
  });

  /** A resolver whose key lookups take a while and note whether the status was checked by then. */
  function slowResolver(statusChecked: () => boolean) {
    const base = createDidResolver();
    const seen: boolean[] = [];
    const resolver: typeof base = Object.create(base);
    resolver.resolveVerificationMethod = async (id, options) => {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen.push(statusChecked());
      return base.resolveVerificationMethod(id, options);
    };
    return { resolver, seen };
  }

  it('checks the status before the signing key has even been resolved', async () => {
    let statusCalls = 0;
    const checkStatus: StatusChecker = async (credential) => {
      statusCalls++;
      return statusNotChecked(credential);
    };
    const { resolver, seen } = slowResolver(() => statusCalls > 0);
    const verify = createVerifier({ resolver, checkStatus });
    const jwt = await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    });

    const report = await verify(jwt as string);

    expect(report.verified).toBe(true);
    expect(seen).toEqual([true]);
    expect(report.checks.map((check) => check.check)).toEqual([
      'format',
      'proof',
      'validity',
      'status',
      'schema',
      'issuer',
    ]);
  });

  it('hands the signature over without a lookup once the signing key is cached', async () => {
    const { resolver, seen: lookups } = slowResolver(() => true);
    const verify = createVerifier({ resolver });
    const jwt = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    })) as string;

    const reports = [await verify(jwt), await verify(jwt)];

    expect(reports.map((report) => report.verified)).toEqual([true, true]);
    expect(lookups).toHaveLength(1);
  });

  it("gives each report the caller's own credential, however often the token is verified", async () => {
    const verify = createVerifier();
    const jwt = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    })) as string;

    const first = (await verify(jwt)).credentials[0]?.credential as Record<string, unknown>;
    const name = first.name;
    first.name = 'Changed by the caller';
    const second = await verify(jwt);

    expect(second.verified).toBe(true);
    expect(second.credentials[0]?.credential?.name).toBe(name);
    expect(second.credentials[0]?.credential).not.toBe(first);
  });

  it('reports a bad signature and a revocation found meanwhile, in the usual order', async () => {
    const checkStatus: StatusChecker = async () => result('status', 'fail', Codes.revoked, 'Revoked.');
    const verify = createVerifier({ checkStatus });
    const jwt = (await issueCredential(openBadge(issuer, learner.controller), {
      issuerKey: issuer,
      format: 'jwt',
    })) as string;
    const [header, payload, signature] = jwt.split('.');
    const flipped = `${signature![0] === 'A' ? 'B' : 'A'}${signature!.slice(1)}`;

    const report = await verify(`${header}.${payload}.${flipped}`);

    expect(report.verified).toBe(false);
    const failed = report.checks.filter((check) => check.outcome === 'fail');
    expect(failed.map((check) => [check.check, check.code])).toEqual([
      ['proof', Codes.proofInvalid],
      ['status', Codes.revoked],
    ]);
  });
});
