import { beforeAll, describe, expect, it } from 'vitest';
import { createStatusChecker, generateKey, type PassportKeyPair } from '../../src/index.js';
import { listHost } from './list-host.js';
import { signJwt } from './list-signing.js';
import { LIST_HOST, REVOCATION_LIST_FORMS } from './status-fixtures.js';

const URL = `${LIST_HOST}/revocations`;
const REVOKED_ID = 'urn:uuid:6d1c7f0e-8a59-4c83-b8f3-0c3c8b3f2a10';
const OTHER_ID = 'urn:uuid:2f0e9c51-4b8a-4f6e-9f3d-5a1b7c9d0e22';

let issuer: PassportKeyPair;
let otherIssuer: PassportKeyPair;

beforeAll(async () => {
  issuer = await generateKey({ type: 'Ed25519' });
  otherIssuer = await generateKey({ type: 'Ed25519' });
});

/** The parts of a credential the status check reads (its proof is another check's business). */
function credential(
  id: string | undefined,
  entry: Record<string, unknown> = { id: URL, type: '1EdTechRevocationList' },
) {
  return {
    ...(id === undefined ? {} : { id }),
    issuer: { id: issuer.controller, name: 'Example Training College' },
    credentialStatus: entry,
  };
}

function plainList(overrides: Record<string, unknown> = {}) {
  return {
    id: URL,
    issuer: issuer.controller,
    revokedCredentials: [
      { id: REVOKED_ID, revocationReason: 'Issued in error' },
      { id: 'urn:uuid:no-reason' },
    ],
    ...overrides,
  };
}

describe('1EdTech revocation lists', () => {
  it('names the revocation reason, and passes a credential the list does not name', async () => {
    const host = listHost();
    host.documents.set(URL, plainList());
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    const revoked = await check(credential(REVOKED_ID));
    expect(revoked).toMatchObject({ check: 'status', outcome: 'fail', code: 'revoked' });
    expect(revoked.message).toContain('Issued in error');
    expect(await check(credential('urn:uuid:no-reason'))).toMatchObject({ code: 'revoked' });
    expect(await check(credential(OTHER_ID))).toMatchObject({ outcome: 'pass', code: 'status-ok' });
    expect(host.urls).toEqual([URL]);
  });

  it('accepts an issuer written as an object', async () => {
    const host = listHost();
    host.documents.set(
      URL,
      plainList({ issuer: { id: issuer.controller, name: 'Example Training College' } }),
    );
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    expect((await check(credential(REVOKED_ID))).code).toBe('revoked');
  });

  it('fails status-list-invalid for a credential without an id, without fetching the list', async () => {
    const host = listHost();
    host.documents.set(URL, plainList());
    const check = await createStatusChecker({ safeFetch: host.safeFetch })(credential(undefined));
    expect(check).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
    expect(check.message).toMatch(/no id/);
    expect(host.urls).toEqual([]);
  });

  it('fails status-list-invalid for an entry without the list URL', async () => {
    const host = listHost();
    const check = await createStatusChecker({ safeFetch: host.safeFetch })(
      credential(REVOKED_ID, { type: '1EdTechRevocationList' }),
    );
    expect(check).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
    expect(host.urls).toEqual([]);
  });

  it.each([
    ['a list published for another URL', () => plainList({ id: `${LIST_HOST}/old-revocations` })],
    ['a list naming another issuer', () => plainList({ issuer: 'did:web:elsewhere.example.org' })],
    ['a list naming no issuer', () => plainList({ issuer: undefined })],
    ['a list without revokedCredentials', () => plainList({ revokedCredentials: undefined })],
    [
      'a list with an entry without an id',
      () => plainList({ revokedCredentials: [{ revocationReason: 'x' }] }),
    ],
    ['a list with a proof that is not one', () => plainList({ proof: { type: 'DataIntegrityProof' } })],
    ['a page that is not a list', () => '<html>Revocations</html>'],
  ])('fails status-list-invalid for %s (never "not revoked")', async (_name, body) => {
    const host = listHost();
    // Made in the test: the issuer keys exist only once beforeAll has run.
    host.documents.set(URL, body());
    const check = await createStatusChecker({ safeFetch: host.safeFetch })(credential(OTHER_ID));
    expect(check).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
    expect(host.urls).toEqual([URL]);
  });

  it('fails status-list-invalid for a signed list changed after signing', async () => {
    const host = listHost();
    const signed = (await REVOCATION_LIST_FORMS[1]?.make(URL, issuer, { revoked: [{ id: REVOKED_ID }] })) as {
      revokedCredentials: unknown[];
    };
    host.documents.set(URL, signed);
    const check = createStatusChecker({ safeFetch: host.safeFetch, maxEntries: 0 });
    expect((await check(credential(REVOKED_ID))).code).toBe('revoked');
    // Someone with access to the web server drops the revocation: the proof no longer matches.
    host.documents.set(URL, { ...signed, revokedCredentials: [] });
    const tampered = await check(credential(REVOKED_ID));
    expect(tampered).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
    expect(tampered.message).toMatch(/proof/);
    expect(host.urls).toEqual([URL, URL]);
  });

  it('fails status-list-invalid for a list signed by a key that is not its issuer', async () => {
    const host = listHost();
    // Claims our issuer, but the other issuer signed it (DI proof, then JWT).
    for (const form of REVOCATION_LIST_FORMS.slice(1)) {
      const body = await form.make(URL, otherIssuer, { issuer: issuer.controller });
      host.documents.set(URL, body);
      const check = createStatusChecker({ safeFetch: host.safeFetch });
      expect((await check(credential(OTHER_ID))).code).toBe('status-list-invalid');
    }
    expect(host.urls).toEqual([URL, URL]);
  });

  it('fails status-list-invalid for a JWT list whose signature was replaced', async () => {
    const host = listHost();
    const jwt = await signJwt({ ...plainList(), iss: issuer.controller }, issuer);
    const [header, payload] = jwt.split('.');
    host.documents.set(URL, `${header}.${payload}.${'A'.repeat(86)}`);
    expect((await createStatusChecker({ safeFetch: host.safeFetch })(credential(OTHER_ID))).code).toBe(
      'status-list-invalid',
    );
  });

  it('reports a missing list (404) as unreachable, not as not revoked', async () => {
    const host = listHost();
    const check = await createStatusChecker({ safeFetch: host.safeFetch })(credential(OTHER_ID));
    expect(check).toMatchObject({ outcome: 'warn', code: 'status-list-unreachable' });
    expect(host.urls).toEqual([URL]);
  });

  it('fetches a list once for credentials checked at the same time, and caches it', async () => {
    const host = listHost();
    host.documents.set(URL, plainList());
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    const outcomes = await Promise.all([REVOKED_ID, OTHER_ID, REVOKED_ID].map((id) => check(credential(id))));
    expect(outcomes.map((outcome) => outcome.code)).toEqual(['revoked', 'status-ok', 'revoked']);
    await check(credential(OTHER_ID));
    expect(host.urls).toEqual([URL]);
  });
});
