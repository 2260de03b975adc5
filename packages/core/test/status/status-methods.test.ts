import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVerifier,
  generateKey,
  type PassportKeyPair,
  type StatusCheckerOptions,
  type VerificationReport,
} from '../../src/index.js';
import { type ListHost, listHost } from './list-host.js';
import {
  BITSTRING_LIST_FORMS,
  badgeWithStatus,
  CREDENTIAL_FORMS,
  LIST_HOST,
  type ListContent,
  type ListForm,
  REVOCATION_LIST_FORMS,
  STATUS_LIST_2021_FORMS,
} from './status-fixtures.js';

/**
 * Issue 12 acceptance: every Open Badges 3.0 status method, run through `createVerifier`, for VC 1.1 and VC 2.0
 * credentials with Data Integrity and JWT proofs, against lists published in each form the method allows.
 */

let issuer: PassportKeyPair;
let otherIssuer: PassportKeyPair;

beforeAll(async () => {
  issuer = await generateKey({ type: 'Ed25519' });
  otherIssuer = await generateKey({ type: 'Ed25519' });
});

/** One status method: how an entry names its list, and how a credential is listed as revoked. */
interface StatusMethod {
  name: string;
  listForms: ListForm[];
  /** The entry for the credential at `slot` (a bit index; 1EdTech entries name only the list). */
  entry(url: string, slot: number): Record<string, unknown>;
  /** The list content that revokes the credentials in `revoked` (by slot and id). */
  content(revoked: Array<{ slot: number; id: string }>): ListContent;
}

const METHODS: StatusMethod[] = [
  {
    name: 'BitstringStatusListEntry',
    listForms: BITSTRING_LIST_FORMS,
    entry: (url, slot) => ({
      id: `${url}#${slot}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(slot),
      statusListCredential: url,
    }),
    content: (revoked) => ({ bits: revoked.map((item) => item.slot) }),
  },
  {
    name: 'StatusList2021Entry',
    listForms: STATUS_LIST_2021_FORMS,
    entry: (url, slot) => ({
      id: `${url}#${slot}`,
      type: 'StatusList2021Entry',
      statusPurpose: 'revocation',
      statusListIndex: String(slot),
      statusListCredential: url,
    }),
    content: (revoked) => ({ bits: revoked.map((item) => item.slot) }),
  },
  {
    name: '1EdTechRevocationList',
    listForms: REVOCATION_LIST_FORMS,
    entry: (url) => ({ id: url, type: '1EdTechRevocationList' }),
    content: (revoked) => ({
      revoked: revoked.map((item) => ({ id: item.id, revocationReason: 'Assessment malpractice' })),
    }),
  },
];

function verifierFor(host: ListHost, statusOptions: StatusCheckerOptions = {}) {
  return createVerifier({
    resolverOptions: { safeFetch: host.safeFetch },
    proofWorkers: 0,
    now: () => new Date('2026-06-01T12:00:00Z'),
    statusOptions,
  });
}

function statusOf(report: VerificationReport) {
  const credential = report.credentials[0];
  return {
    check: credential?.checks.find((check) => check.check === 'status'),
    summary: credential?.summary.status,
    proof: credential?.checks.find((check) => check.check === 'proof')?.code,
  };
}

/** A credential id the list can name: the JWT forms carry it in the payload or the `vc` claim alike. */
function idOf(slot: number): string {
  return `urn:uuid:00000000-0000-4000-8000-${String(slot).padStart(12, '0')}`;
}

describe.each(METHODS)('$name', (method) => {
  describe.each(method.listForms)('list as $name', (listForm) => {
    it.each(CREDENTIAL_FORMS)('reports revoked and not revoked for a $name credential', async (form) => {
      const url = `${LIST_HOST}/${method.name}/${listForm.name.replace(/\W+/g, '-')}`;
      const host = listHost();
      host.documents.set(
        url,
        await listForm.make(url, issuer, method.content([{ slot: 94567, id: idOf(94567) }])),
      );
      const verify = verifierFor(host);

      const revoked = await badgeWithStatus(form, issuer, method.entry(url, 94567), { id: idOf(94567) });
      const revokedFull = await verify(revoked);
      expect(revokedFull.verified).toBe(false);
      const revokedReport = statusOf(revokedFull);
      expect(revokedReport.proof).toBe('proof-ok');
      expect(revokedReport.check).toMatchObject({ outcome: 'fail', code: 'revoked' });
      expect(revokedReport.summary).toBe('revoked');

      const fine = await badgeWithStatus(form, issuer, method.entry(url, 94566), { id: idOf(94566) });
      const fineFull = await verify(fine);
      expect(fineFull.verified).toBe(true);
      const fineReport = statusOf(fineFull);
      expect(fineReport.check).toMatchObject({ outcome: 'pass', code: 'status-ok' });
      expect(fineReport.summary).toBe('verified');
      // One fetch: the second credential was checked against the cached list.
      expect(host.urls).toEqual([url]);
    });
  });

  it.each(CREDENTIAL_FORMS)(
    'reports an unreachable list as could-not-check for a $name credential',
    async (form) => {
      const url = `${LIST_HOST}/${method.name}/down`;
      const host = listHost();
      host.failures.set(url, 'down');
      const credential = await badgeWithStatus(form, issuer, method.entry(url, 12), { id: idOf(12) });
      const report = await verifierFor(host)(credential);
      expect(statusOf(report).check).toMatchObject({ outcome: 'warn', code: 'status-list-unreachable' });
      expect(statusOf(report).summary).toBe('unchecked');
      expect(host.urls).toEqual([url]);

      const strict = await verifierFor(host, { unreachable: 'fail' })(credential);
      expect(statusOf(strict).check).toMatchObject({ outcome: 'fail', code: 'status-list-unreachable' });
      expect(strict.verified).toBe(false);

      host.failures.set(url, 503);
      host.urls.length = 0;
      expect(statusOf(await verifierFor(host)(credential)).check?.code).toBe('status-list-unreachable');
      expect(host.urls).toEqual([url]);
    },
  );

  it.each(method.listForms)(
    'reports status-list-invalid for a list ($name) issued by another issuer',
    async (listForm) => {
      const url = `${LIST_HOST}/${method.name}/foreign`;
      const host = listHost();
      // Validly signed, but by someone else: the list does not speak for the credential's issuer.
      host.documents.set(url, await listForm.make(url, otherIssuer, method.content([])));
      const form = CREDENTIAL_FORMS[2] as (typeof CREDENTIAL_FORMS)[number];
      const credential = await badgeWithStatus(form, issuer, method.entry(url, 7), { id: idOf(7) });
      const report = statusOf(await verifierFor(host)(credential));
      expect(report.check).toMatchObject({ outcome: 'fail', code: 'status-list-invalid' });
      expect(report.check?.message).toContain(otherIssuer.controller);
      expect(report.summary).toBe('failed');
      expect(host.urls).toEqual([url]);
    },
  );
});

describe('unknown status methods', () => {
  it.each(CREDENTIAL_FORMS)(
    'warns status-type-unsupported and fetches nothing for a $name credential',
    async (form) => {
      const host = listHost();
      const entry = {
        id: `${LIST_HOST}/legacy/3#94567`,
        type: 'RevocationList2020Status',
        revocationListIndex: '94567',
        revocationListCredential: `${LIST_HOST}/legacy/3`,
      };
      const credential = await badgeWithStatus(form, issuer, entry, { id: idOf(3) });
      const report = statusOf(await verifierFor(host)(credential));
      expect(report.check).toMatchObject({ outcome: 'warn', code: 'status-type-unsupported' });
      expect(report.summary).toBe('unchecked');
      expect(host.urls).toEqual([]);
    },
  );
});
