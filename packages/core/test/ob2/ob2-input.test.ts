import { describe, expect, it } from 'vitest';
import { assertionUrlInput, ob2InputOf } from '../../src/index.js';
import { parseText } from '../../src/verify/input.js';
import { openBadge } from '../fixtures.js';
import { ASSERTION_URL, codesOf, hostedAssertion, ob2Issuer } from './ob2-issuer.js';

describe('routing input to the Open Badges 2.0 verifier', () => {
  it('takes a bare https URL, trimmed, as a hosted assertion address, but not http or overlong text', () => {
    expect(assertionUrlInput(`  ${ASSERTION_URL}\n`)).toEqual({ kind: 'ob2-url', url: ASSERTION_URL });
    expect(assertionUrlInput('http://vendor.example/assertions/42')).toBeUndefined();
    expect(assertionUrlInput(`https://vendor.example/${'a'.repeat(3000)}`)).toBeUndefined();
    expect(assertionUrlInput('https://vendor.example/a b')).toBeUndefined();
  });

  it('recognises an assertion by its OB 2.0 context or its Assertion type, and leaves OB 3.0 credentials alone', () => {
    expect(ob2InputOf(parseText(JSON.stringify(hostedAssertion())))?.kind).toBe('ob2-json');
    const { '@context': _context, ...typedOnly } = hostedAssertion();
    expect(ob2InputOf({ kind: 'json', document: typedOnly })?.kind).toBe('ob2-json');
    const ob3 = openBadge({ controller: 'did:key:z6MkIssuer' } as never, 'did:key:z6MkLearner');
    expect(ob2InputOf({ kind: 'json', document: ob3 })).toBeUndefined();
  });

  it('verifies an assertion URL given as UTF-8 bytes, as a file read by the CLI would be', async () => {
    const issuer = ob2Issuer();
    const report = await issuer.verifier()(new TextEncoder().encode(`${ASSERTION_URL}\n`));
    expect(report.verified).toBe(true);
    expect(codesOf(report).proof).toEqual(['ob2-hosted-ok']);
  });
});
