// A PostgreSQL server that accepts the connection but never answers (a hung host, a full proxy): the store must
// fail within its timeout, with an error the service maps to 503, instead of hanging every request. No real
// PostgreSQL is needed: a TCP listener that stays silent plays the hung server.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';

let server: Server;
let port: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.push(socket); // accept, read, never write
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((done) => server.close(done));
});

describe('PostgreSQL store against a database that never answers', () => {
  it('gives up after busyTimeoutMs with a connection timeout instead of hanging', async () => {
    const opening = openStore(`postgres://postgres@127.0.0.1:${port}/test`, { busyTimeoutMs: 300 });
    await expect(opening).rejects.toThrow(/timeout exceeded when trying to connect|Connection terminated/);
    // Without the pool's connection timeout this would hang until the test runner gave up.
    expect(sockets.length).toBeGreaterThan(0);
  });
});
