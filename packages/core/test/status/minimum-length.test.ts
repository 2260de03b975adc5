// Herd privacy: the Bitstring Status List spec refuses lists under 131,072 entries (STATUS_LIST_LENGTH_ERROR), since
// an issuer with a tiny list learns whose credential each fetch is about. A verifier lowers the minimum only in
// tests whose own store makes small lists.
import { beforeAll, describe, expect, it } from 'vitest';
import { createStatusChecker, generateKey, type PassportKeyPair } from '../../src/index.js';
import { listHost } from './list-host.js';
import { encodeBits, signCredentialDi, VC_V2 } from './list-signing.js';
import { LIST_HOST } from './status-fixtures.js';

const URL = `${LIST_HOST}/small/1`;
let issuer: PassportKeyPair;

beforeAll(async () => {
  issuer = await generateKey({ type: 'Ed25519' });
});

/** A signed Bitstring list of `bytes` bytes with bit 3 set, made by @digitalbazaar/vc directly. */
function bitstringList(bytes: number) {
  return signCredentialDi(
    {
      '@context': [VC_V2],
      id: URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuer.controller,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: {
        id: `${URL}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: encodeBits([3], { bytes, multibase: true }),
      },
    },
    issuer,
  );
}

const credential = (index: number) => ({
  id: 'urn:uuid:4a1d2f0e-8b7c-4f21-9a55-0c6e3d2b1f10',
  issuer: issuer.controller,
  credentialStatus: {
    id: `${URL}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: URL,
  },
});

describe('the minimum length of a Bitstring Status List', () => {
  it('refuses a list shorter than 131,072 entries as status-list-invalid, naming its length', async () => {
    const host = listHost();
    host.documents.set(URL, await bitstringList(1024)); // 8,192 entries
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    const outcome = await check(credential(3));
    expect(outcome).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
    expect(outcome.message).toContain('8192 entries, fewer than the 131072');
    expect(host.urls).toEqual([URL]);
  });

  it('reads a list of exactly the minimum, and a short one when the minimum is lowered (tests only)', async () => {
    const host = listHost();
    host.documents.set(URL, await bitstringList(16384));
    const check = createStatusChecker({ safeFetch: host.safeFetch });
    expect((await check(credential(3))).code).toBe('revoked');
    expect((await check(credential(4))).code).toBe('status-ok');
    const small = listHost();
    small.documents.set(URL, await bitstringList(8));
    const lenient = createStatusChecker({ safeFetch: small.safeFetch, minimumListBits: 8 });
    expect((await lenient(credential(3))).code).toBe('revoked');
  });
});
