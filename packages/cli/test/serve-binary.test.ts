import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/test/faults/server-process.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

/** The environment of every child: this data directory, no colours, none of the service's own settings. */
function childEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SKILLS_PASSPORT_HOME: join(dir, 'data'), NO_COLOR: '1' };
  for (const name of ['PORT', 'HOST', 'PUBLIC_URL', 'STORE_URL', 'DATABASE_URL', 'DATA_DIR', 'NODE_ENV']) {
    delete env[name];
  }
  return { ...env, SKILLS_PASSPORT_API_KEYS: '', RATE_LIMIT_PER_MINUTE: '0' };
}

function cli(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: dir, env: childEnv(dir) },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/** Every `serve` child still running, killed after the tests whatever happened (a failed assertion included). */
const running = new Set<ChildProcess>();

/** `skills-passport serve …` as a child process, with everything it printed and its exit code. */
class Serving {
  output = '';
  readonly exited: Promise<number | string>;
  readonly child: ChildProcess;

  constructor(dir: string, args: string[]) {
    this.child = spawn(process.execPath, [MAIN, 'serve', ...args], {
      cwd: dir,
      env: childEnv(dir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
    );
  }

  /** Waits for the listening line and returns the port it names. */
  async listening(): Promise<number> {
    for (let waited = 0; waited < 30_000; waited += 50) {
      const port = /Skills Passport service on \S+ \(listening on [^:]+:(\d+)/.exec(this.output)?.[1];
      if (port) return Number(port);
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.child.kill('SIGKILL');
    throw new Error(`serve did not start:\n${this.output}`);
  }
}

describe.skipIf(!existsSync(MAIN))('the built binary: serve', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'skills-passport-bin-serve-'));
  });
  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the status lists of what this data directory issued, verifies over HTTP, and stops on SIGTERM with exit 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    expect((await cli(dir, ['init', '--name', 'Acme Training', '--base-url', base])).code).toBe(0);
    await writeFile(join(dir, 'module.json'), JSON.stringify(moduleInput()));
    const issued = await cli(dir, [
      ...['issue', '--profile', 'micro-module', 'module.json', '--learner', LEARNER, '--out', 'cred.json'],
    ]);
    expect(issued.code).toBe(0);
    const credential = JSON.parse(await readFile(join(dir, 'cred.json'), 'utf8'));

    // No --public-url: it defaults to init's --base-url, where the credential's status list lives.
    const serving = new Serving(dir, ['--port', String(port), '--host', '127.0.0.1']);
    expect(await serving.listening()).toBe(port);
    expect(serving.output).toContain(`Skills Passport service on ${base} `);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const verified = await fetch(`${base}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifiableCredential: credential }),
    });
    expect(verified.status).toBe(200);
    const report = (await verified.json()) as {
      verified: boolean;
      checks: Array<{ check: string; code: string }>;
    };
    expect(report.verified).toBe(true);
    // The status list was fetched from this very service, out of the CLI's store.
    expect(report.checks.find((check) => check.check === 'status')?.code).toBe('status-ok');
    const status = [credential.credentialStatus].flat()[0];
    const list = await fetch(status.statusListCredential);
    expect(list.status).toBe(200);

    serving.child.kill('SIGTERM');
    expect(await serving.exited).toBe(0);
    expect(serving.output).toContain('SIGTERM: finishing requests in flight, then closing the store.');
  });

  it('takes any free port with --port 0 and names it in the public URL; SIGINT stops it too', async () => {
    const other = await mkdtemp(join(tmpdir(), 'skills-passport-bin-serve0-'));
    try {
      const serving = new Serving(other, ['--port', '0', '--host', '127.0.0.1']);
      const port = await serving.listening();
      expect(port).toBeGreaterThan(0);
      expect(serving.output).toContain(`Skills Passport service on http://localhost:${port} `);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      // The demo issuer the service creates in development, in this data directory's new store.
      const demo = (await (await fetch(`http://127.0.0.1:${port}/issuers/demo`)).json()) as { id?: string };
      expect(demo.id).toMatch(/^did:key:z6Mk/);
      serving.child.kill('SIGINT');
      expect(await serving.exited).toBe(0);
      expect(existsSync(join(other, 'data', 'passport.db'))).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('exits 2 with invalid-options when the port is taken, and with a usage error for a bad --port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = await cli(dir, ['serve', '--port', String(port), '--host', '127.0.0.1']);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toMatch(
        /^error invalid-options: Cannot listen on 127\.0\.0\.1:\d+: the port is already in use\.$/m,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    const bad = await cli(dir, ['serve', '--port', 'http']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error usage: .*--port/);
  });
});

function moduleInput() {
  return {
    learnerName: 'Aisha Khan',
    achievementId: 'https://training.example/modules/soc-foundations',
    achievementName: 'Security operations foundations',
    achievementDescription: 'Monitoring and triage in a security operations centre.',
    criteria: 'Passed the end-of-module assessment.',
    skills: ['SFIA:SCTY:3'],
    digitalSkillsLevel: 'specialist',
    deliveryMode: 'online',
    learningOutcomes: ['Triage security alerts'],
    notionalLearningHours: 20,
  };
}
