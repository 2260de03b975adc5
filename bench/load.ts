// Load and soak: the verification service on loopback, driven at a fixed rate for a bounded time with a mixed
// workload (valid, revoked, tampered and malformed requests), reporting throughput, latency, unexpected statuses
// and the server's memory at start and end.
//
//   node --import tsx bench/load.ts [--seconds 30] [--rate 200] [--connections 10] [--max-rss-growth-mib 96] [--built]
//
// Exit code 1 when any response had an unexpected status (or the client saw errors/timeouts), or when the
// server's RSS grew by more than the stated bound between the end of the warm-up and the end of the run.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { machine } from './harness.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/load.json', import.meta.url));
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const MIB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '10' },
    'max-rss-growth-mib': { type: 'string', default: '96' },
    built: { type: 'boolean', default: false },
  },
});
const seconds = positive(args.seconds, 'seconds');
const rate = positive(args.rate, 'rate');
const connections = positive(args.connections, 'connections');
const maxRssGrowthMiB = positive(args['max-rss-growth-mib'], 'max-rss-growth-mib');

/** One kind of request in the mix, and the status a correct service answers it with. */
interface Kind {
  name: string;
  expected: number;
  contentType: string;
  body: string;
  /** How many times it appears in the cycle each connection loops over. */
  weight: number;
}

async function main(): Promise<void> {
  const info = machine();
  console.log(
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB RAM, Node ${info.node}, ${info.platform}`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'passport-load-'));
  const apiKey = randomBytes(24).toString('base64url');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer({ dataDir, port, url, apiKey });
  try {
    const kinds = await makeWorkload(url, apiKey);
    const cycle = kinds.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
    const counts = new Map(
      kinds.map((kind) => [kind.name, { total: 0, unexpected: 0, statuses: {} as Record<number, number> }]),
    );

    // Warm-up: JIT, caches, the first status list reads; memory is measured from here on.
    await drive(url, cycle, counts, { seconds: Math.min(5, seconds), rate, connections });
    for (const count of counts.values()) Object.assign(count, { total: 0, unexpected: 0, statuses: {} });
    const rssStart = await rssOf(server);
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      rssOf(server).then(
        (rss) => {
          rssPeak = Math.max(rssPeak, rss);
        },
        () => undefined,
      );
    }, 1000);
    console.log(
      `Driving POST /credentials/verify at ${rate} req/s for ${seconds} s over ${connections} connections...`,
    );
    const result = await drive(url, cycle, counts, { seconds, rate, connections });
    clearInterval(sampler);
    const rssEnd = await rssOf(server);
    rssPeak = Math.max(rssPeak, rssEnd);

    const total = [...counts.values()].reduce((sum, count) => sum + count.total, 0);
    const unexpected = [...counts.values()].reduce((sum, count) => sum + count.unexpected, 0);
    const clientErrors = result.errors + result.timeouts;
    const errorRate = total + clientErrors === 0 ? 0 : (unexpected + clientErrors) / (total + clientErrors);
    const growthMiB = (rssEnd - rssStart) / MIB;
    const report = {
      date: new Date().toISOString(),
      machine: info,
      settings: {
        seconds,
        targetRate: rate,
        connections,
        maxRssGrowthMiB,
        server: args.built ? 'dist' : 'source (tsx)',
      },
      workload: kinds.map(({ name, expected, weight }) => ({ name, expected, weight })),
      throughput: { requestsPerSecond: round(result.requests.average), total },
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        average: round(result.latency.average),
      },
      errors: {
        unexpectedStatus: unexpected,
        clientErrors: result.errors,
        timeouts: result.timeouts,
        rate: errorRate,
      },
      perKind: Object.fromEntries(counts),
      rssMiB: {
        start: round(rssStart / MIB),
        end: round(rssEnd / MIB),
        peak: round(rssPeak / MIB),
        growth: round(growthMiB),
      },
    };
    await mkdir(join(RESULTS, '..'), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

    console.log(`Throughput: ${report.throughput.requestsPerSecond} req/s (${total} responses)`);
    console.log(
      `Latency: p50 ${report.latencyMs.p50} ms, p90 ${report.latencyMs.p90} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
    );
    for (const [name, count] of counts) {
      console.log(
        `  ${name.padEnd(22)} ${String(count.total).padStart(6)} responses, ${count.unexpected} unexpected  ${JSON.stringify(count.statuses)}`,
      );
    }
    console.log(
      `Errors: ${unexpected} unexpected statuses, ${result.errors} client errors, ${result.timeouts} timeouts (rate ${(errorRate * 100).toFixed(3)} %)`,
    );
    console.log(
      `Server RSS: ${report.rssMiB.start} MiB after warm-up, ${report.rssMiB.end} MiB at end, peak ${report.rssMiB.peak} MiB (growth ${report.rssMiB.growth} MiB, bound ${maxRssGrowthMiB} MiB)`,
    );
    console.log(`Wrote ${RESULTS}`);

    const failures: string[] = [];
    if (unexpected + clientErrors > 0) failures.push('some responses were unexpected or failed');
    if (growthMiB > maxRssGrowthMiB)
      failures.push(`RSS grew by ${round(growthMiB)} MiB, over the ${maxRssGrowthMiB} MiB bound`);
    if (failures.length > 0) {
      console.error(`FAIL: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Issues the credentials the workload verifies, revokes some, and builds the request bodies. */
async function makeWorkload(url: string, apiKey: string): Promise<Kind[]> {
  const issue = async (format: 'di' | 'jwt') => {
    const response = await call(
      url,
      apiKey,
      '/credentials/issue',
      { credential: badge(), options: { format } },
      201,
    );
    return (response as { verifiableCredential: Record<string, unknown> | string }).verifiableCredential;
  };
  const di = (await issue('di')) as Record<string, unknown>;
  const jwt = (await issue('jwt')) as string;
  const revokedDi = (await issue('di')) as Record<string, unknown>;
  const revokedJwt = (await issue('jwt')) as string;
  for (const credentialId of [
    revokedDi.id,
    jwtPayload(revokedJwt).jti ?? (jwtPayload(revokedJwt).vc as { id?: string })?.id,
  ]) {
    await call(url, apiKey, '/credentials/status', { credentialId, action: 'revoke' }, 200);
  }
  const tamperedDi = { ...di, name: 'Advanced cyber security (forged)' };
  const tamperedJwt = tamperJwt(jwt);
  const json = (value: unknown) => JSON.stringify({ verifiableCredential: value });
  const kinds: Kind[] = [
    { name: 'valid DI', expected: 200, contentType: 'application/json', body: json(di), weight: 3 },
    { name: 'valid JWT', expected: 200, contentType: 'text/plain', body: jwt, weight: 3 },
    { name: 'revoked DI', expected: 422, contentType: 'application/json', body: json(revokedDi), weight: 1 },
    {
      name: 'revoked JWT',
      expected: 422,
      contentType: 'application/json',
      body: json(revokedJwt),
      weight: 1,
    },
    {
      name: 'tampered DI',
      expected: 422,
      contentType: 'application/json',
      body: json(tamperedDi),
      weight: 1,
    },
    { name: 'tampered JWT', expected: 422, contentType: 'text/plain', body: tamperedJwt, weight: 1 },
    {
      name: 'malformed: not JSON',
      expected: 400,
      contentType: 'application/json',
      body: '{"verifiableCredential": ',
      weight: 1,
    },
    {
      name: 'malformed: no member',
      expected: 400,
      contentType: 'application/json',
      body: JSON.stringify({ credential: di }),
      weight: 1,
    },
  ];
  // Each kind must already answer as expected, or the run would only measure a broken service.
  for (const kind of kinds) {
    const response = await fetch(`${url}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': kind.contentType },
      body: kind.body,
    });
    await response.arrayBuffer();
    if (response.status !== kind.expected) {
      throw new Error(`${kind.name}: expected ${kind.expected}, got ${response.status} before the run.`);
    }
  }
  return kinds;
}

type Counts = Map<string, { total: number; unexpected: number; statuses: Record<number, number> }>;

function drive(
  url: string,
  cycle: Kind[],
  counts: Counts,
  options: { seconds: number; rate: number; connections: number },
): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/credentials/verify`,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.seconds,
    timeout: 10,
    requests: cycle.map((kind) => ({
      method: 'POST' as const,
      path: '/credentials/verify',
      headers: { 'content-type': kind.contentType },
      body: kind.body,
      onResponse: (status: number) => {
        const count = counts.get(kind.name)!;
        count.total++;
        count.statuses[status] = (count.statuses[status] ?? 0) + 1;
        if (status !== kind.expected) count.unexpected++;
      },
    })),
  });
}

function badge(): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Cyber security essentials',
    credentialSubject: {
      id: LEARNER,
      type: ['AchievementSubject'],
      name: 'Aisha Khan',
      achievement: {
        id: 'https://training.example.org/achievements/cyber-essentials',
        type: ['Achievement'],
        name: 'Cyber security essentials',
        description: 'A short module on protecting small organisations from common attacks.',
        criteria: { narrative: 'Passed the end-of-module assessment.' },
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Information security',
            targetUrl: 'https://sfia-online.org/en/sfia-9/skills/information-security',
            targetCode: 'SCTY',
            targetFramework: 'SFIA',
          },
        ],
      },
    },
  };
}

function jwtPayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

/** The same JWT with one claim changed and the original signature kept. */
function tamperJwt(jwt: string): string {
  const [header, , signature] = jwt.split('.');
  const payload = jwtPayload(jwt);
  const vc = (payload.vc ?? payload) as Record<string, unknown>;
  vc.name = 'Advanced cyber security (forged)';
  if (!payload.vc) payload.name = vc.name;
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

async function call(
  url: string,
  apiKey: string,
  path: string,
  body: unknown,
  expected: number,
): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

async function startServer(options: {
  dataDir: string;
  port: number;
  url: string;
  apiKey: string;
}): Promise<ChildProcess> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['STORE_URL', 'DATABASE_URL', 'SKILLS_PASSPORT_SECRET', 'NODE_ENV']) delete env[name];
  Object.assign(env, {
    PORT: String(options.port),
    PUBLIC_URL: options.url,
    DATA_DIR: options.dataDir,
    SKILLS_PASSPORT_API_KEYS: `demo:${options.apiKey}`,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let command: string[];
  if (args.built) {
    const main = join(ROOT, 'packages/server/dist/main.js');
    if (!existsSync(main)) throw new Error('packages/server/dist is missing: run pnpm build first.');
    command = [main];
  } else {
    // The sources of every workspace package, so the run measures the code as it is now, built or not.
    env.TSX_TSCONFIG_PATH = join(ROOT, 'packages/server/test/faults/tsconfig.source.json');
    command = ['--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')];
  }
  const child = spawn(process.execPath, command, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // The request log (one line per request) is read and dropped, so the pipe never blocks the server.
  child.stdout?.on('data', (chunk: Buffer) => {
    if (output.length < 10_000) output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (output.includes('Skills Passport service on')) return child;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The service did not start:\n${output}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The server's resident set size in bytes (Linux /proc; `ps` elsewhere). */
async function rssOf(child: ChildProcess): Promise<number> {
  const pid = child.pid;
  if (pid === undefined) throw new Error('The server has no pid.');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux: ask ps
  }
  const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)]);
  let text = '';
  ps.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  await new Promise((resolve) => ps.once('close', resolve));
  return Number(text.trim()) * 1024;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('No port was assigned.');
  return address.port;
}

function positive(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number.`);
    process.exit(2);
  }
  return value;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
