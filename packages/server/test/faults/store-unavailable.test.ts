import { PassportError } from '@skills-passport/core';
import { isStoreUnavailable } from '@skills-passport/server';
import { StoreError, StoreErrorCodes } from '@skills-passport/store';
import { describe, expect, it } from 'vitest';
import { ACME_KEY, issuingApp } from '../support/issuing-app.js';
import { openTestStore, postJson } from '../support/test-app.js';

function withCode(code: string, message = 'x'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isStoreUnavailable', () => {
  it('recognises a refused, reset or terminated database connection', () => {
    expect(isStoreUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isStoreUnavailable(withCode('57P01'))).toBe(true);
    expect(isStoreUnavailable(withCode('08006'))).toBe(true);
    expect(isStoreUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
    expect(isStoreUnavailable(new Error('wrapped', { cause: withCode('ECONNRESET') }))).toBe(true);
    expect(isStoreUnavailable(withCode('SQLITE_BUSY'))).toBe(true);
    expect(isStoreUnavailable(new StoreError(StoreErrorCodes.closed, 'closed'))).toBe(true);
    const wrapped = new PassportError('invalid-credential', 'lost', withCode('57P01'));
    expect(isStoreUnavailable(wrapped)).toBe(true);
  });

  it('leaves bugs and bad queries to be internal errors', () => {
    expect(isStoreUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStoreUnavailable(withCode('42P01'))).toBe(false); // undefined_table
    expect(isStoreUnavailable(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isStoreUnavailable(new StoreError(StoreErrorCodes.secretWrong, 'wrong secret'))).toBe(false);
    expect(isStoreUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('a store closed under the app (shutdown)', () => {
  it('answers 503 store-unavailable problem+json for issuing and 503 not-ready for /ready', async () => {
    const store = await openTestStore();
    const { app } = await issuingApp(store);
    await store.close();
    const issued = await postJson(
      app,
      '/credentials/issue',
      { credential: { type: ['VerifiableCredential'] } },
      { authorization: `Bearer ${ACME_KEY}` },
    );
    expect(issued.status).toBe(503);
    expect(issued.headers.get('content-type')).toContain('application/problem+json');
    expect(((await issued.json()) as { code: string }).code).toBe('store-unavailable');
    expect((await app.request('/ready')).status).toBe(503);
  });
});
