// DNS rebinding: the name answers the safe fetch's check with a public address and, a moment later, the
// connection with 127.0.0.1. The default fetch resolves again when it connects and refuses non-public answers, so
// the loopback server below must never see the request. No network: the "public" answer is never connected to.

import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetch } from '../../src/index.js';
import { publicOnlyLookup } from '../../src/net/pinned-lookup.js';

let server: Server;
let port: number;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.end('{"internal":true}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((done) => server.close(done)));

/** Public for the first question, loopback for every later one: what a rebinding DNS server does. */
function rebindingLookup() {
  const asked: string[] = [];
  const lookup = async (host: string) => {
    asked.push(host);
    return [{ address: asked.length === 1 ? '93.184.216.34' : '127.0.0.1' }];
  };
  return { lookup, asked };
}

describe('DNS rebinding against the default safe fetch', () => {
  it('refuses the connection when the name resolves to loopback the second time (fetch-address-not-allowed)', async () => {
    const { lookup, asked } = rebindingLookup();
    // http only so the test needs no certificate; the address policy is the same for https.
    const safeFetch = createSafeFetch({ lookup, allowHttp: true, timeoutMs: 5000 });
    await expect(safeFetch(`http://rebind.example:${port}/secret`)).rejects.toMatchObject({
      code: 'fetch-address-not-allowed',
    });
    expect(asked).toEqual(['rebind.example', 'rebind.example']);
    expect(seen).toEqual([]);
  });

  it('connects to what the lookup answers when every address is public, and refuses any private answer', async () => {
    const answers = (list: string[]) => async () => list.map((address) => ({ address }));
    const call = (lookup: ReturnType<typeof publicOnlyLookup>, all: boolean) =>
      new Promise<{ error: (Error & { code?: string }) | null; address: string | LookupAddress[] }>((done) =>
        lookup('issuer.example', { all }, (error, address) => done({ error, address })),
      );
    const good = publicOnlyLookup(answers(['93.184.216.34', '2606:2800:220:1::1']));
    expect(await call(good, true)).toEqual({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
    });
    expect((await call(good, false)).address).toBe('93.184.216.34');
    const mixed = await call(publicOnlyLookup(answers(['93.184.216.34', '10.0.0.7'])), true);
    expect(mixed.error?.message).toContain('10.0.0.7');
    const none = await call(publicOnlyLookup(answers([])), false);
    expect(none.error).not.toBeNull();
  });
});
