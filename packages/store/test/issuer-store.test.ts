import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IssuanceRecord,
  type IssuerRecord,
  type IssuerStore,
  openStore,
  type StoreOptions,
} from '../src/index.js';
import { type TestDatabase, testBackends } from './support/backends.js';
import { runFixture, spawnFixture } from './support/child.js';

const secret = randomBytes(32);
const smallLists: StoreOptions = { secret, statusListSize: 64, allowSmallListsForTesting: true };

function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

function issuance(overrides: Partial<IssuanceRecord> = {}): IssuanceRecord {
  return {
    credentialId: `urn:uuid:${crypto.randomUUID()}`,
    issuerId: 'issuer-log',
    subjectId: 'did:key:z6MkLearner',
    kind: 'micro-module',
    achievementId: 'https://example.org/achievements/spreadsheets-1',
    achievementName: 'Spreadsheets 1',
    skills: [
      { framework: 'SFIA', code: 'DTAN', level: '2' },
      { framework: 'EDS', code: 'transacting' },
    ],
    level: 'essential',
    areaCode: 'E09000001',
    issuedAt: '2026-03-01T10:00:00.000Z',
    credentialHash: randomBytes(32).toString('hex'),
    status: [{ listId: 'list-a', index: 42, purpose: 'revocation' }],
    batchKey: null,
    ...overrides,
  };
}

describe.each(testBackends())('IssuerStore on $name', (backend) => {
  if (!backend.available) {
    it.skip(`skipped: set TEST_POSTGRES_URL to run the ${backend.name} suite`, () => {});
    return;
  }

  let database: TestDatabase;
  let store: IssuerStore;

  beforeAll(async () => {
    database = await backend.freshDatabase();
    store = await openStore(database.url, smallLists);
  });

  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  describe('migrations', () => {
    it('applies each migration once when the database is opened twice in a row and twice at once', async () => {
      const fresh = await backend.freshDatabase();
      await (await openStore(fresh.url, { secret })).close();
      const both = await Promise.all([openStore(fresh.url, { secret }), openStore(fresh.url, { secret })]);
      for (const opened of both) await opened.ping();
      await Promise.all(both.map((opened) => opened.close()));
      const rows = await fresh.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual([1]);
    });

    it('throws store-closed when used after close', async () => {
      const fresh = await backend.freshDatabase();
      const closed = await openStore(fresh.url, { secret });
      await closed.close();
      await closed.close();
      expect(await rejectionCode(closed.ping())).toBe('store-closed');
    });
  });

  describe('issuers and keys', () => {
    const marker = `PRIVATE-${randomBytes(8).toString('hex')}`;
    const issuer: IssuerRecord = {
      id: 'issuer-keys',
      name: 'Acme Training',
      did: 'did:web:acme.example',
      profile: { type: ['Profile'], name: 'Acme Training', url: 'https://acme.example' },
      keys: [
        {
          id: '#key-1',
          type: 'Ed25519',
          publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'abc' },
          secret: { kty: 'OKP', crv: 'Ed25519', x: 'abc', d: marker },
        },
        { id: '#key-2', type: 'P-256', secret: { d: `${marker}-2` } },
      ],
    };

    it('reads back the issuer with decrypted keys, while the stored key rows hold only ciphertext', async () => {
      await store.saveIssuer(issuer);
      expect(await store.getIssuer('issuer-keys')).toEqual(issuer);
      const rows = await database.query(
        "SELECT secret_sealed FROM issuer_keys WHERE issuer_id = 'issuer-keys'",
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.secret_sealed).not.toContain(marker);
        expect(JSON.parse(row.secret_sealed as string)).toMatchObject({
          alg: 'A256GCM',
          kid: expect.any(String),
        });
      }
      const listed = await store.listIssuers();
      expect(listed.find((entry) => entry.id === 'issuer-keys')).toEqual({
        id: issuer.id,
        name: issuer.name,
        did: issuer.did,
        profile: issuer.profile,
        keyIds: ['#key-1', '#key-2'],
      });
      expect(JSON.stringify(listed)).not.toContain(marker);
    });

    it('replaces the key set when an issuer is saved again', async () => {
      await store.saveIssuer({ ...issuer, id: 'issuer-replace' });
      await store.saveIssuer({
        ...issuer,
        id: 'issuer-replace',
        name: 'Renamed',
        keys: issuer.keys.slice(1),
      });
      const saved = await store.getIssuer('issuer-replace');
      expect(saved?.name).toBe('Renamed');
      expect(saved?.keys.map((key) => key.id)).toEqual(['#key-2']);
      expect(await store.getIssuer('nobody')).toBeUndefined();
    });

    it('creates an issuer only once with createOnly: a second creation changes nothing and says so', async () => {
      expect(await store.saveIssuer({ ...issuer, id: 'issuer-once' }, { createOnly: true })).toBe(true);
      const second = await store.saveIssuer(
        { ...issuer, id: 'issuer-once', name: 'Impostor', keys: issuer.keys.slice(1) },
        { createOnly: true },
      );
      expect(second).toBe(false);
      const saved = await store.getIssuer('issuer-once');
      expect(saved?.name).toBe(issuer.name);
      expect(saved?.keys.map((key) => key.id)).toEqual(issuer.keys.map((key) => key.id));
    });

    it('refuses to read keys with the wrong secret, with code store-secret-wrong', async () => {
      await store.saveIssuer({ ...issuer, id: 'issuer-wrong' });
      const wrong = await openStore(database.url, { secret: randomBytes(32) });
      try {
        expect(await rejectionCode(wrong.getIssuer('issuer-wrong'))).toBe('store-secret-wrong');
      } finally {
        await wrong.close();
      }
    });

    it('still reads keys sealed with a previous secret after a rotation', async () => {
      const rotated = await openStore(database.url, { secret: randomBytes(32), previousSecrets: [secret] });
      try {
        expect(await rotated.getIssuer('issuer-keys')).toEqual(issuer);
      } finally {
        await rotated.close();
      }
    });

    it('rejects a ciphertext moved onto another key row', async () => {
      await store.saveIssuer({ ...issuer, id: 'issuer-moved' });
      const [first] = await database.query(
        "SELECT secret_sealed FROM issuer_keys WHERE issuer_id = 'issuer-moved' AND key_id = '#key-1'",
      );
      const tampered = await openStore(database.url, { secret });
      try {
        // Copy key-1's ciphertext onto key-2 through a raw write, then read through the store.
        await writeRaw(backend.name, database.url, first?.secret_sealed as string);
        expect(await rejectionCode(tampered.getIssuer('issuer-moved'))).toBe('store-secret-wrong');
      } finally {
        await tampered.close();
      }
    });

    it('throws store-secret-missing for key operations on a store opened without a secret', async () => {
      const noSecret = await openStore(database.url, {});
      try {
        expect(await rejectionCode(noSecret.saveIssuer(issuer))).toBe('store-secret-missing');
      } finally {
        await noSecret.close();
      }
    });
  });

  describe('status lists', () => {
    it('hands out distinct indexes in a pseudo-random, not sequential, order', async () => {
      const big = await openStore(database.url, { secret });
      try {
        const issuerId = uniqueId('big');
        const allocations = await big.allocateStatusIndexes({ issuerId, purpose: 'revocation', count: 300 });
        const indexes = allocations.map((entry) => entry.index);
        expect(new Set(allocations.map((entry) => entry.listId)).size).toBe(1);
        expect(new Set(indexes).size).toBe(300);
        expect(indexes.every((index) => index >= 0 && index < 131_072)).toBe(true);
        const consecutive = indexes
          .slice(1)
          .filter((index, i) => index === (indexes[i] as number) + 1).length;
        expect(consecutive).toBeLessThan(5);
        expect(Math.max(...indexes)).toBeGreaterThan(10_000);
        const lists = await big.listStatusLists(issuerId);
        expect(lists.map((list) => [list.size, list.allocated])).toEqual([[131_072, 300]]);
      } finally {
        await big.close();
      }
    });

    it('opens a new list when the current one is full, and every index of a full list was used exactly once', async () => {
      const issuerId = uniqueId('rollover');
      const first = await store.allocateStatusIndexes({ issuerId, purpose: 'revocation', count: 50 });
      const second = await store.allocateStatusIndexes({ issuerId, purpose: 'revocation', count: 50 });
      const lists = await store.listStatusLists(issuerId);
      expect(lists).toHaveLength(2);
      expect(lists.map((list) => list.allocated)).toEqual([64, 36]);
      const all = [...first, ...second];
      expect(new Set(all.map((entry) => `${entry.listId}:${entry.index}`)).size).toBe(100);
      const fullList = all.filter((entry) => entry.listId === lists[0]?.id).map((entry) => entry.index);
      expect(fullList.sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
      const suspension = await store.allocateStatusIndexes({ issuerId, purpose: 'suspension', count: 1 });
      expect(lists.map((list) => list.id)).not.toContain(suspension[0]?.listId);
    });

    it('refuses lists smaller than 131072 bits unless small lists are allowed for testing', async () => {
      expect(await rejectionCode(openStore(database.url, { secret, statusListSize: 64 }))).toBe(
        'store-invalid-argument',
      );
    });

    it('refuses a zero or fractional allocation count', async () => {
      const request = { issuerId: 'x', purpose: 'revocation' as const };
      expect(await rejectionCode(store.allocateStatusIndexes({ ...request, count: 0 }))).toBe(
        'store-invalid-argument',
      );
      expect(await rejectionCode(store.allocateStatusIndexes({ ...request, count: 1.5 }))).toBe(
        'store-invalid-argument',
      );
    });

    it('sets a bit once: revoking twice changes nothing the second time and the version moves only on change', async () => {
      const [entry] = await store.allocateStatusIndexes({
        issuerId: uniqueId('set'),
        purpose: 'revocation',
        count: 1,
      });
      if (!entry) throw new Error('no allocation');
      const { listId, index } = entry;
      expect(await store.getStatusBit(listId, index)).toBe(false);
      expect(await store.setStatus({ listId, index, value: true })).toEqual({ changed: true, version: 1 });
      expect(await store.setStatus({ listId, index, value: true })).toEqual({ changed: false, version: 1 });
      expect(await store.getStatusBit(listId, index)).toBe(true);
      const list = await store.getStatusList(listId);
      expect(list?.bits).toHaveLength(8);
      // Bit 0 is the most significant bit of byte 0 (W3C Bitstring Status List).
      expect(((list?.bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1).toBe(1);
      expect(list?.bits.reduce((sum, byte) => sum + byte.toString(2).replace(/0/g, '').length, 0)).toBe(1);
      expect(await store.setStatus({ listId, index, value: false })).toEqual({ changed: true, version: 2 });
      expect(await store.getStatusBit(listId, index)).toBe(false);
    });

    it('caches the signed list credential only for the current version', async () => {
      const [entry] = await store.allocateStatusIndexes({
        issuerId: uniqueId('cache'),
        purpose: 'revocation',
        count: 1,
      });
      if (!entry) throw new Error('no allocation');
      const { version } = await store.setStatus({ listId: entry.listId, index: entry.index, value: true });
      const credential = {
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        proof: { v: version },
      };
      expect(
        await store.saveStatusListCredential({ listId: entry.listId, version: version - 1, credential }),
      ).toBe(false);
      expect(await store.saveStatusListCredential({ listId: entry.listId, version, credential })).toBe(true);
      const list = await store.getStatusList(entry.listId);
      expect(list?.credential).toEqual(credential);
      expect(list?.credentialVersion).toBe(version);
    });

    it('reports unknown lists and out-of-range indexes with stable codes', async () => {
      const [entry] = await store.allocateStatusIndexes({
        issuerId: uniqueId('codes'),
        purpose: 'revocation',
        count: 1,
      });
      expect(await rejectionCode(store.getStatusBit('missing', 0))).toBe('status-list-unknown');
      expect(await rejectionCode(store.setStatus({ listId: 'missing', index: 0, value: true }))).toBe(
        'status-list-unknown',
      );
      expect(
        await rejectionCode(store.setStatus({ listId: entry?.listId as string, index: 64, value: true })),
      ).toBe('status-index-out-of-range');
      expect(await store.getStatusList('missing')).toBeUndefined();
    });

    it('gives 2,000 distinct indexes to concurrent allocators in separate processes', {
      timeout: 60_000,
    }, async () => {
      const fresh = await backend.freshDatabase();
      const issuerId = uniqueId('concurrent');
      const processes = backend.name === 'sqlite' ? 4 : 2;
      const outputs = await Promise.all(
        Array.from({ length: processes }, () =>
          runFixture('allocation-worker.ts', {
            url: fresh.url,
            issuerId,
            total: 2_000 / processes,
            loops: 4,
            listSize: 256,
          }),
        ),
      );
      const received = outputs.flatMap((output) => JSON.parse(output) as string[]);
      expect(received).toHaveLength(2_000);
      expect(new Set(received).size).toBe(2_000);
      const rows = await fresh.query('SELECT SUM(allocated) AS total FROM status_lists');
      expect(Number(rows[0]?.total)).toBe(2_000);
    });

    it('keeps every acknowledged revocation and never repeats an index across SIGKILL crashes', {
      timeout: 60_000,
    }, async () => {
      const fresh = await backend.freshDatabase();
      const issuerId = uniqueId('crash');
      const allocated: string[] = [];
      const acknowledged: string[] = [];
      for (let round = 0; round < 4; round++) {
        const killAfter = 5 + Math.floor(Math.random() * 40);
        await new Promise<void>((resolve, reject) => {
          const child = spawnFixture('revocation-loop.ts', { url: fresh.url, issuerId, listSize: 64 });
          let buffered = '';
          let acks = 0;
          let stderr = '';
          child.stderr?.on('data', (chunk) => {
            stderr += chunk;
          });
          child.stdout?.on('data', (chunk: Buffer) => {
            buffered += chunk.toString();
            const lines = buffered.split('\n');
            buffered = lines.pop() ?? '';
            for (const line of lines) {
              const [kind, listId, index] = line.split(' ');
              if (kind === 'alloc') allocated.push(`${listId}:${index}`);
              if (kind === 'ack') {
                acknowledged.push(`${listId}:${index}`);
                acks++;
                // Kill at a random moment: mid-transaction, between commits or while printing.
                if (acks === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
              }
            }
          });
          child.on('close', (code, signal) =>
            signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`)),
          );
        });
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(20);
      expect(new Set(allocated).size).toBe(allocated.length);
      const reopened = await openStore(fresh.url, smallLists);
      try {
        for (const entry of acknowledged) {
          const [listId, index] = entry.split(':');
          expect(await reopened.getStatusBit(listId as string, Number(index))).toBe(true);
        }
        const after = await reopened.allocateStatusIndexes({ issuerId, purpose: 'revocation', count: 10 });
        for (const entry of after) expect(allocated).not.toContain(`${entry.listId}:${entry.index}`);
      } finally {
        await reopened.close();
      }
    });
  });

  describe('issuance log', () => {
    it('records a batch and finds records by credential id, batch key and filters', async () => {
      const issuerId = uniqueId('log');
      const records = [
        issuance({ issuerId, issuedAt: '2026-01-15T09:00:00+01:00', batchKey: `${issuerId}/row-1` }),
        issuance({ issuerId, issuedAt: '2026-02-15T09:00:00.000Z', areaCode: 'W06000015', level: null }),
        issuance({
          issuerId,
          issuedAt: '2026-03-15T09:00:00.000Z',
          kind: 'vendor-certification',
          areaCode: null,
        }),
      ];
      await store.recordIssuances(records);
      expect(await store.findIssuance(records[1]?.credentialId as string)).toEqual(records[1]);
      expect(await store.findIssuanceByBatchKey(`${issuerId}/row-1`)).toEqual({
        ...records[0],
        issuedAt: '2026-01-15T08:00:00.000Z',
      });
      const collect = async (query: Parameters<IssuerStore['listIssuances']>[0]) => {
        const found: string[] = [];
        for await (const record of store.listIssuances(query)) found.push(record.credentialId);
        return found;
      };
      const ids = records.map((record) => record.credentialId);
      expect(await collect({ issuerId })).toEqual(ids);
      expect(await collect({ issuerId, from: '2026-02-01T00:00:00Z', to: '2026-03-15T09:00:00Z' })).toEqual([
        ids[1],
      ]);
      expect(await collect({ issuerId, areaCode: 'W06000015' })).toEqual([ids[1]]);
      expect(await store.findIssuance('urn:uuid:missing')).toBeUndefined();
    });

    it('streams more records than one page, in order', async () => {
      const issuerId = uniqueId('paged');
      const records = Array.from({ length: 1_100 }, (_, i) =>
        issuance({
          issuerId,
          issuedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 60_000).toISOString(),
        }),
      );
      await store.recordIssuances(records);
      let count = 0;
      let previous = '';
      for await (const record of store.listIssuances({ issuerId })) {
        const key = `${record.issuedAt}|${record.credentialId}`;
        expect(key > previous).toBe(true);
        previous = key;
        count++;
      }
      expect(count).toBe(1_100);
    });

    it('rejects a batch that repeats a batch key, recording none of it', async () => {
      const issuerId = uniqueId('dup');
      await store.recordIssuances([issuance({ issuerId, batchKey: `${issuerId}/1` })]);
      const fresh = issuance({ issuerId });
      const code = await rejectionCode(
        store.recordIssuances([fresh, issuance({ issuerId, batchKey: `${issuerId}/1` })]),
      );
      expect(code).toBe('issuance-duplicate');
      expect(await store.findIssuance(fresh.credentialId)).toBeUndefined();
    });

    it('rejects a record with a malformed hash before writing anything', async () => {
      const bad = issuance({ credentialHash: 'not-a-hash' });
      expect(await rejectionCode(store.recordIssuances([bad]))).toBe('store-invalid-argument');
    });
  });

  describe('challenges', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const later = new Date('2026-06-01T12:05:00Z');

    it('answers ok once, then reused; expired after its time; unknown for values never saved', async () => {
      const value = uniqueId('challenge');
      await store.saveChallenge({ value, expiresAt: later, domain: 'jobs.example' });
      expect(await store.consumeChallenge({ value, now })).toBe('ok');
      expect(await store.consumeChallenge({ value, now })).toBe('reused');
      const stale = uniqueId('stale');
      await store.saveChallenge({ value: stale, expiresAt: later });
      expect(await store.consumeChallenge({ value: stale, now: later })).toBe('expired');
      expect(await store.consumeChallenge({ value: uniqueId('never'), now })).toBe('unknown');
      expect(await rejectionCode(store.saveChallenge({ value, expiresAt: later }))).toBe(
        'challenge-duplicate',
      );
    });

    it('lets exactly one of many concurrent consumers on two store instances use a challenge', async () => {
      const value = uniqueId('race');
      await store.saveChallenge({ value, expiresAt: later });
      const other = await openStore(database.url, smallLists);
      try {
        const outcomes = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).consumeChallenge({ value, now })),
        );
        expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome === 'reused')).toHaveLength(11);
      } finally {
        await other.close();
      }
    });

    it('deletes expired challenges', async () => {
      const value = uniqueId('old');
      await store.saveChallenge({ value, expiresAt: now });
      expect(await store.deleteExpiredChallenges(later)).toBeGreaterThanOrEqual(1);
      expect(await store.consumeChallenge({ value, now: later })).toBe('unknown');
    });
  });
});

/** Overwrites key-2's ciphertext of issuer-moved with `sealed`, bypassing the store. */
async function writeRaw(backendName: string, url: string, sealed: string): Promise<void> {
  const sql =
    "UPDATE issuer_keys SET secret_sealed = $1 WHERE issuer_id = 'issuer-moved' AND key_id = '#key-2'";
  if (backendName === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(url.slice('sqlite:'.length));
    db.prepare(sql.replace('$1', '?')).run(sealed);
    db.close();
    return;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql, [sealed]);
  await client.end();
}
