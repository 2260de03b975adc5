import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeStatusList, present, type VerificationReport } from '@skills-passport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedFixtures, signedFixtures, unsignedBadge } from '../support/credentials.js';
import { freshPostgresSchema } from '../support/postgres-schema.js';

const BASE_URL = process.env.TEST_POSTGRES_URL;
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const HAS_DIST = existsSync(MAIN);
const DOMAIN = 'jobs.example';
/** Instances behind one load balancer share one public URL; nothing listens on it in this test. */
const PUBLIC_URL = 'https://passport.example.test';
const API_KEY = randomBytes(24).toString('base64url');
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

if (!BASE_URL) {
  console.warn(
    'The two-process PostgreSQL test is skipped: set TEST_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/test).',
  );
} else if (!HAS_DIST) {
  console.warn(`The two-process test is skipped: ${MAIN} is missing (run pnpm build, or pnpm test).`);
}

/** One `node packages/server/dist/main.js` process and everything it printed. */
interface ServiceProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** A port nobody uses right now: listen on 0, read the port, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No port was assigned.');
  return address.port;
}

/** Starts the built service and resolves once its `GET /ready` answers 200 (the store is reachable). */
async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    // A clean environment: only what the service is meant to read (vitest sets NODE_ENV=test, for one).
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const service = { child, url: `http://127.0.0.1:${port}`, output: () => printed };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The service exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${printed}`,
      );
    }
    const ready = await fetch(`${service.url}/ready`).catch(() => undefined);
    if (ready?.status === 200) return service;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopService(service);
  throw new Error(`The service was not ready within ${START_TIMEOUT_MS} ms:\n${printed}`);
}

/** SIGTERM (graceful shutdown), then SIGKILL if it has not exited in time. */
async function stopService(service: ServiceProcess | undefined): Promise<void> {
  const child = service?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function postJson(
  service: ServiceProcess,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The DID the service printed for the demo issuer it created or found. */
function demoIssuerDid(service: ServiceProcess): string | undefined {
  return /demo issuer: demo \((did:[^)\s]+)\)/.exec(service.output())?.[1];
}

const codesOf = (report: VerificationReport) => report.checks.map((check) => check.code);

describe.skipIf(!BASE_URL || !HAS_DIST)(
  'two service processes on one PostgreSQL database (needs TEST_POSTGRES_URL and a build)',
  () => {
    let schema: Awaited<ReturnType<typeof freshPostgresSchema>> | undefined;
    let dataDir: string | undefined;
    let a: ServiceProcess | undefined;
    let b: ServiceProcess | undefined;
    let fixtures: SignedFixtures;

    beforeAll(
      async () => {
        fixtures = await signedFixtures();
        schema = await freshPostgresSchema(BASE_URL!);
        dataDir = await mkdtemp(join(tmpdir(), 'passport-processes-'));
        const env = {
          STORE_URL: schema.url,
          DATA_DIR: dataDir,
          PUBLIC_URL,
          SKILLS_PASSPORT_SECRET: randomBytes(32).toString('base64'),
          SKILLS_PASSPORT_API_KEYS: `demo:${API_KEY}`,
        };
        // The first process creates the demo issuer; the second, started once the first is ready, finds it.
        a = await startService(env);
        b = await startService(env);
      },
      2 * START_TIMEOUT_MS + 10_000,
    );

    afterAll(
      async () => {
        await Promise.all([stopService(a), stopService(b)]);
        await schema?.drop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
      2 * STOP_TIMEOUT_MS + 5_000,
    );

    it('shares one demo issuer between the two processes', () => {
      const did = demoIssuerDid(a!);
      expect(did).toMatch(/^did:key:/);
      expect(demoIssuerDid(b!)).toBe(did);
    });

    it('accepts a challenge made on one process once on the other, and rejects its replay', async () => {
      const created = await postJson(a!, '/challenges', { domain: DOMAIN });
      expect(created.status).toBe(200);
      const { challenge } = (await created.json()) as { challenge: string };
      const passport = await present([fixtures.di], {
        holderKey: fixtures.learner,
        challenge,
        domain: DOMAIN,
      });
      const body = { verifiablePresentation: passport, options: { challenge, domain: DOMAIN } };

      const first = await postJson(b!, '/presentations/verify', body);
      expect(first.status).toBe(200);
      expect(codesOf((await first.json()) as VerificationReport)).toContain('challenge-ok');

      const replay = await postJson(a!, '/presentations/verify', body);
      expect(replay.status).toBe(422);
      expect(codesOf((await replay.json()) as VerificationReport)).toContain('challenge-reused');
    });

    it("shows a revocation made on one process on the other's status endpoint and in its verification", async () => {
      const auth = { authorization: `Bearer ${API_KEY}` };
      const issued = await postJson(
        a!,
        '/credentials/issue',
        { credential: unsignedBadge(fixtures.learner.controller) },
        auth,
      );
      expect(issued.status).toBe(201);
      const credential = ((await issued.json()) as { verifiableCredential: Record<string, unknown> })
        .verifiableCredential;
      const entry = [credential.credentialStatus]
        .flat()
        .map(
          (item) => item as { statusPurpose: string; statusListIndex: string; statusListCredential: string },
        )
        .find((item) => item.statusPurpose === 'revocation');
      expect(entry).toBeDefined();
      const listPath = new URL(entry!.statusListCredential).pathname;
      const index = Number(entry!.statusListIndex);
      const revokedOn = async (service: ServiceProcess) => {
        const response = await fetch(`${service.url}${listPath}`);
        expect(response.status).toBe(200);
        const list = (await response.json()) as { credentialSubject: { encodedList: string } };
        return decodeStatusList(list.credentialSubject.encodedList).getStatus(index);
      };
      expect(await revokedOn(b!)).toBe(false);

      const revoked = await postJson(
        a!,
        '/credentials/status',
        { credentialId: credential.id, action: 'revoke' },
        auth,
      );
      expect(revoked.status).toBe(200);

      expect(await revokedOn(b!)).toBe(true);
      // B checks status against the shared public URL, which it answers itself from the shared store.
      const verified = await postJson(b!, '/credentials/verify', { verifiableCredential: credential });
      expect(verified.status).toBe(422);
      expect(((await verified.json()) as VerificationReport).credentials[0]?.summary.status).toBe('revoked');
    });
  },
);
