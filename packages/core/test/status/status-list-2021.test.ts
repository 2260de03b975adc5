import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStatusChecker, generateKey, type PassportKeyPair } from '../../src/index.js';
import { listHost } from './list-host.js';
import { encodeBits, STATUS_LIST_2021_CONTEXT, signCredentialDi, signJwt, VC_V1 } from './list-signing.js';
import { BITSTRING_LIST_FORMS, LIST_HOST, STATUS_LIST_2021_FORMS } from './status-fixtures.js';

const URL = `${LIST_HOST}/sl2021/1`;

let issuer: PassportKeyPair;

beforeAll(async () => {
  issuer = await generateKey({ type: 'Ed25519' });
});

function entry(index: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `${URL}#${index}`,
    type: 'StatusList2021Entry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: URL,
    ...overrides,
  };
}

function credential(status: unknown) {
  return {
    id: 'urn:uuid:1b0f2b7c-3f61-4f0a-9d3c-2f6f1c2a9e55',
    issuer: issuer.controller,
    credentialStatus: status,
  };
}

/** A VC 1.1 StatusList2021Credential; `subject` and `extra` replace parts of it. */
function list2021(subject: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    '@context': [VC_V1, STATUS_LIST_2021_CONTEXT],
    id: URL,
    type: ['VerifiableCredential', 'StatusList2021Credential'],
    issuer: issuer.controller,
    issuanceDate: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: `${URL}#list`,
      type: 'StatusList2021',
      statusPurpose: 'revocation',
      encodedList: encodeBits([5], { multibase: false }),
      ...subject,
    },
    ...extra,
  };
}

describe('StatusList2021', () => {
  it('reads suspension lists as well as revocation lists', async () => {
    const host = listHost();
    const suspensions = `${LIST_HOST}/sl2021/suspensions`;
    const suspensionList = list2021(
      { statusPurpose: 'suspension', encodedList: encodeBits([9], { multibase: false }) },
      { id: suspensions },
    );
    host.documents.set(suspensions, await signCredentialDi(suspensionList, issuer));
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    const suspended = entry(9, { statusPurpose: 'suspension', statusListCredential: suspensions });
    expect(await check(credential(suspended))).toMatchObject({ outcome: 'fail', code: 'suspended' });
    expect((await check(credential({ ...suspended, statusListIndex: '8' }))).code).toBe('status-ok');
    expect(host.urls).toEqual([suspensions]);
  });

  it('accepts a capitalised statusPurpose, a multibase prefix and padded base64, as lists in the wild write them', async () => {
    const host = listHost();
    // Standard base64 with padding: bit 5 is 0x04 in byte 0.
    const bits = Buffer.alloc(16384);
    bits[0] = 0x04;
    const standard = gzipSync(bits).toString('base64');
    const bodies = [
      list2021({ statusPurpose: 'Revocation' }),
      list2021({ encodedList: encodeBits([5], { multibase: true }) }),
      list2021({ encodedList: standard }),
    ];
    for (const body of bodies) {
      host.documents.set(URL, await signJwt({ vc: body, iss: issuer.controller, jti: URL }, issuer));
      const check = createStatusChecker({ safeFetch: host.safeFetch });
      expect((await check(credential(entry(5)))).code).toBe('revoked');
      expect((await check(credential(entry(4)))).code).toBe('status-ok');
    }
    expect(host.urls).toEqual([URL, URL, URL]);
  });

  it('fails status-list-invalid for a list whose expirationDate has passed', async () => {
    const host = listHost();
    host.documents.set(
      URL,
      await signCredentialDi(list2021({}, { expirationDate: '2026-02-01T00:00:00Z' }), issuer),
    );
    const check = createStatusChecker({
      safeFetch: host.safeFetch,
      now: () => new Date('2026-03-01T00:00:00Z'),
    });
    expect(await check(credential(entry(4)))).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
  });

  it('fails status-list-invalid when the entry and the list are of different methods', async () => {
    const host = listHost();
    // A Bitstring list where a StatusList2021Entry points, then a StatusList2021 list where a Bitstring entry does.
    host.documents.set(URL, await BITSTRING_LIST_FORMS[0]?.make(URL, issuer, { bits: [] }));
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    expect((await check(credential(entry(4)))).code).toBe('status-list-invalid');
    const other = `${LIST_HOST}/sl2021/2`;
    host.documents.set(other, await STATUS_LIST_2021_FORMS[0]?.make(other, issuer, { bits: [] }));
    const bitstringEntry = entry(4, { type: 'BitstringStatusListEntry', statusListCredential: other });
    expect((await check(credential(bitstringEntry))).code).toBe('status-list-invalid');
    expect(host.urls).toEqual([URL, other]);
  });

  it('fails status-list-invalid for a list changed after signing or an index outside it', async () => {
    const host = listHost();
    const signed = (await signCredentialDi(list2021(), issuer)) as ReturnType<typeof list2021>;
    host.documents.set(URL, {
      ...signed,
      credentialSubject: { ...signed.credentialSubject, encodedList: encodeBits([], { multibase: false }) },
    });
    const check = createStatusChecker({ safeFetch: host.safeFetch, maxEntries: 0 });
    expect((await check(credential(entry(5)))).code).toBe('status-list-invalid');
    host.documents.set(URL, signed);
    expect((await check(credential(entry(5)))).code).toBe('revoked');
    expect((await check(credential(entry(131072)))).code).toBe('status-list-invalid');
  });

  it('verifies a VC 2.0 StatusList2021Credential signed as a JWT', async () => {
    const host = listHost();
    host.documents.set(URL, await STATUS_LIST_2021_FORMS[2]?.make(URL, issuer, { bits: [5] }));
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    expect((await check(credential(entry(5)))).code).toBe('revoked');
    expect((await check(credential(entry(4)))).code).toBe('status-ok');
    expect(host.urls).toEqual([URL]);
  });
});

describe('credentials with entries of several methods', () => {
  it('checks every entry, fetching each list once, and reports the worst', async () => {
    const host = listHost();
    const bitstring = `${LIST_HOST}/bitstring/1`;
    const revocations = `${LIST_HOST}/revocations`;
    host.documents.set(URL, await STATUS_LIST_2021_FORMS[1]?.make(URL, issuer, { bits: [] }));
    host.documents.set(bitstring, await BITSTRING_LIST_FORMS[1]?.make(bitstring, issuer, { bits: [] }));
    host.documents.set(revocations, { id: revocations, issuer: issuer.controller, revokedCredentials: [] });
    const entries = [
      entry(4),
      entry(4, { type: 'BitstringStatusListEntry', id: `${bitstring}#4`, statusListCredential: bitstring }),
      { id: revocations, type: '1EdTechRevocationList' },
    ];
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    expect(await check(credential(entries))).toMatchObject({ outcome: 'pass', code: 'status-ok' });
    expect([...host.urls].sort()).toEqual([bitstring, revocations, URL].sort());

    host.failures.set(revocations, 'down');
    const unknown = await createStatusChecker({ safeFetch: host.safeFetch })(credential(entries));
    expect(unknown).toMatchObject({ outcome: 'warn', code: 'status-list-unreachable' });
  });
});
