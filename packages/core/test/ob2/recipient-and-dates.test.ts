import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkRecipient } from '../../src/index.js';
import {
  ASSERTION_URL,
  codesOf,
  hostedAssertion,
  LEARNER_EMAIL,
  ob2Issuer,
  SALT,
  sha256Identity,
} from './ob2-issuer.js';

describe('Open Badges 2.0 recipient check', () => {
  it('passes when the expected email matches the salted sha256 hash, in any letter case', async () => {
    const issuer = ob2Issuer();
    const verify = issuer.verifier();
    const report = await verify(ASSERTION_URL, { recipient: LEARNER_EMAIL.toUpperCase() });
    expect(report.verified).toBe(true);
    expect(codesOf(report).recipient).toEqual(['recipient-ok']);
  });

  it('fails when the expected email is someone else’s', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()(ASSERTION_URL, { recipient: 'alex.jones@example.org' });
    expect(report.verified).toBe(false);
    expect(codesOf(report).recipient).toEqual(['recipient-mismatch']);
  });

  it('fails when the expected identity type differs from the recipient’s', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()(ASSERTION_URL, {
      recipient: { identity: LEARNER_EMAIL, type: 'telephone' },
    });
    expect(codesOf(report).recipient).toEqual(['recipient-mismatch']);
  });

  it('compares unsalted hashes and plain identities too', () => {
    const unsalted = { type: 'email', hashed: true, identity: sha256Identity(LEARNER_EMAIL) };
    expect(checkRecipient(unsalted, LEARNER_EMAIL).code).toBe('recipient-ok');
    expect(checkRecipient(unsalted, 'other@example.org').code).toBe('recipient-mismatch');
    const plain = { type: 'email', hashed: false, identity: 'Sam.Taylor@Example.org' };
    expect(checkRecipient(plain, LEARNER_EMAIL).code).toBe('recipient-ok');
    const url = { type: 'url', hashed: false, identity: 'https://sam.example.org/' };
    expect(checkRecipient(url, 'https://SAM.example.org/').code).toBe('recipient-mismatch');
  });

  it('compares md5 hashes and warns about an algorithm it cannot compare', () => {
    const digest = createHash('md5')
      .update(LEARNER_EMAIL + SALT)
      .digest('hex');
    const md5 = { type: 'email', hashed: true, salt: SALT, identity: `md5$${digest}` };
    expect(checkRecipient(md5, LEARNER_EMAIL).code).toBe('recipient-ok');
    expect(checkRecipient(md5, 'other@example.org').code).toBe('recipient-mismatch');
    const sha1 = { type: 'email', hashed: true, identity: 'sha1$0123' };
    expect(checkRecipient(sha1, LEARNER_EMAIL)).toMatchObject({
      outcome: 'warn',
      code: 'recipient-hash-unsupported',
    });
  });
});

describe('Open Badges 2.0 dates', () => {
  it('fails an assertion whose expires date has passed', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ASSERTION_URL, hostedAssertion({ expires: '2026-03-01T00:00:00Z' }));
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(report.verified).toBe(false);
    expect(codesOf(report).validity).toEqual(['expired']);
    expect(report.credentials[0]?.summary.expires).toBe('2026-03-01T00:00:00Z');
  });

  it('fails an assertion issued in the future as not yet valid', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ASSERTION_URL, hostedAssertion({ issuedOn: '2027-01-01T00:00:00Z' }));
    const report = await issuer.verifier()(ASSERTION_URL);
    expect(codesOf(report).validity).toEqual(['not-yet-valid']);
  });

  it('fails an assertion whose issuedOn is not a date', async () => {
    const issuer = ob2Issuer();
    issuer.serve(ASSERTION_URL, hostedAssertion({ issuedOn: 'last spring' }));
    expect(codesOf(await issuer.verifier()(ASSERTION_URL)).validity).toEqual(['validity-invalid-date']);
  });
});
