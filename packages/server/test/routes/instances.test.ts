import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '@skills-passport/core';
import type { IssuerStore } from '@skills-passport/store';
import { describe, expect, it } from 'vitest';
import { unsignedBadge } from '../support/credentials.js';
import { ACME_KEY, issueThroughRoute, issuingApp } from '../support/issuing-app.js';
import { freshPostgresSchema } from '../support/postgres-schema.js';
import { openTestStore, postJson } from '../support/test-app.js';

const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

/** Issue on instance A, revoke on instance B, and see it on A's status endpoint and in A's verification. */
async function revocationAcrossInstances(openShared: () => Promise<IssuerStore>) {
  const storeA = await openShared();
  const storeB = await openShared();
  try {
    const a = await issuingApp(storeA);
    const b = await issuingApp(storeB);
    const { body } = await issueThroughRoute(a.app, unsignedBadge(LEARNER));
    const credential = body.verifiableCredential as { id: string; credentialStatus: unknown };
    const listPath = new URL(
      ([credential.credentialStatus].flat()[0] as { statusListCredential: string }).statusListCredential,
    ).pathname;
    const before = await a.app.request(listPath);
    const etag = before.headers.get('etag')!;
    const revoke = await postJson(
      b.app,
      '/credentials/status',
      { credentialId: credential.id, action: 'revoke' },
      { authorization: `Bearer ${ACME_KEY}` },
    );
    expect(revoke.status).toBe(200);
    const after = await a.app.request(listPath, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    const verified = await postJson(a.app, '/credentials/verify', { verifiableCredential: credential });
    expect(verified.status).toBe(422);
    const report = (await verified.json()) as VerificationReport;
    expect(report.credentials[0]?.summary.status).toBe('revoked');
  } finally {
    await storeA.close();
    await storeB.close();
  }
}

describe('several instances on one database', () => {
  it('shows a revocation made on one instance on the other (one SQLite file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passport-server-'));
    const secret = randomBytes(32);
    try {
      await revocationAcrossInstances(() => openTestStore(`sqlite:${join(dir, 'shared.db')}`, secret));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_POSTGRES_URL)(
    'shows a revocation made on one instance on the other (PostgreSQL; needs TEST_POSTGRES_URL)',
    async () => {
      const secret = randomBytes(32);
      const schema = await freshPostgresSchema(process.env.TEST_POSTGRES_URL!);
      try {
        await revocationAcrossInstances(() => openTestStore(schema.url, secret));
      } finally {
        await schema.drop();
      }
    },
  );
});
