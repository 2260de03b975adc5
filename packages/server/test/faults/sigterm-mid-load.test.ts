import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '@skills-passport/core';
import { openStore, resolveStoreSecret } from '@skills-passport/store';
import { afterAll, describe, expect, it } from 'vitest';
import { unsignedBadge } from '../support/credentials.js';
import { freePort, ServerProcess } from './server-process.js';

const API_KEY = 'sigterm-test-key-0123456789';
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

type Outcome =
  | { kind: 'answered'; status: number; body: Record<string, unknown>; afterSignal: boolean }
  | { kind: 'refused'; code: string };

let signalled = false;

/** A POST on a connection of its own (no keep-alive), so a refused connection is told apart from a lost answer. */
function post(url: string, path: string, body: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    const text = JSON.stringify(body);
    const call = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          authorization: `Bearer ${API_KEY}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            kind: 'answered',
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>,
            afterSignal: signalled,
          }),
        );
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'refused', code: error.code ?? 'unknown' }),
        );
      },
    );
    call.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'refused', code: error.code ?? 'unknown' }),
    );
    call.end(text);
  });
}

function issue(url: string): Promise<Outcome> {
  return post(url, '/credentials/issue', { credential: unsignedBadge(LEARNER) });
}

function issued(outcome: Outcome): Record<string, unknown> {
  if (outcome.kind !== 'answered' || outcome.status !== 201)
    throw new Error(`Not issued: ${JSON.stringify(outcome)}`);
  return outcome.body.verifiableCredential as Record<string, unknown>;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('SIGTERM while issue and revoke requests are in flight', () => {
  it('finishes the requests in flight, exits 0, and after a restart every acknowledged issue and revocation is there', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'passport-sigterm-'));
    dirs.push(dataDir);
    const port = await freePort();
    const apiKeys = `demo:${API_KEY}`;
    const first = await ServerProcess.start({ dataDir, port, apiKeys });

    const toRevoke: Record<string, unknown>[] = [];
    for (let n = 0; n < 8; n++) toRevoke.push(issued(await issue(first.url)));

    // Revocations interleaved with issues, so both kinds are among the requests in flight at the signal.
    const issues: Promise<Outcome>[] = [];
    const revocations: Promise<Outcome>[] = [];
    for (const credential of toRevoke) {
      revocations.push(
        post(first.url, '/credentials/status', { credentialId: credential.id, action: 'revoke' }),
      );
      for (let n = 0; n < 3; n++) issues.push(issue(first.url));
    }
    // Once the first answer is back the rest are in the server's hands: stop it now.
    await Promise.race([...issues, ...revocations]);
    signalled = true;
    first.kill('SIGTERM');
    const issueOutcomes = await Promise.all(issues);
    const revocationOutcomes = await Promise.all(revocations);
    expect(await first.exited).toBe(0);

    const all = [...issueOutcomes, ...revocationOutcomes];
    // Every request was either answered with success or refused before the server read it (a connection still in
    // the listen backlog when the socket closes is reset by the kernel): no 5xx. That a reset request left
    // nothing behind is checked against the issuance log below.
    for (const outcome of all) {
      if (outcome.kind === 'answered') expect([200, 201]).toContain(outcome.status);
      else expect(['ECONNREFUSED', 'ECONNRESET']).toContain(outcome.code);
    }
    expect(all.some((outcome) => outcome.kind === 'answered' && outcome.afterSignal)).toBe(true);
    const acknowledgedIssues = issueOutcomes.filter((outcome) => outcome.kind === 'answered').map(issued);
    const acknowledgedRevocations = toRevoke.filter((_, n) => revocationOutcomes[n]?.kind === 'answered');

    const second = await ServerProcess.start({ dataDir, port, apiKeys });
    try {
      for (const credential of acknowledgedRevocations) {
        const outcome = await post(second.url, '/credentials/verify', { verifiableCredential: credential });
        expect(outcome.kind === 'answered' && outcome.status).toBe(422);
        const report = (outcome as { body: unknown }).body as VerificationReport;
        expect(report.credentials[0]?.checks.find((check) => check.check === 'status')?.code).toBe('revoked');
      }
      for (const credential of acknowledgedIssues) {
        const outcome = await post(second.url, '/credentials/verify', { verifiableCredential: credential });
        expect(outcome.kind === 'answered' && outcome.status).toBe(200);
      }
    } finally {
      second.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }

    // The issuance log holds exactly the acknowledged credentials, each with status indexes of its own.
    const secret = await resolveStoreSecret({ env: {}, production: false, dataDir });
    const store = await openStore(`sqlite:${dataDir}/passport.db`, { secret });
    try {
      const logged = [];
      for await (const record of store.listIssuances()) logged.push(record);
      const expectedIds = [...toRevoke, ...acknowledgedIssues].map((credential) => String(credential.id));
      expect(logged.map((record) => record.credentialId).sort()).toEqual(expectedIds.sort());
      const slots = logged.flatMap((record) =>
        record.status.map((entry) => `${entry.listId}#${entry.index}`),
      );
      expect(new Set(slots).size).toBe(slots.length);
      for (const record of logged.filter((entry) =>
        acknowledgedRevocations.some((c) => c.id === entry.credentialId),
      )) {
        const revocation = record.status.find((entry) => entry.purpose === 'revocation');
        expect(await store.getStatusBit(revocation!.listId, revocation!.index)).toBe(true);
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
