import { candidateIdentifier, validate } from '@skills-passport/schemas';
import { describe, expect, it } from 'vitest';
import { readExample } from '../example-files.js';

describe('candidateIdentifier', () => {
  it('hashes exactly as the OB 3.0 IdentityHash example: sha256 of identifier + salt, in hex', () => {
    // The example in the official schema's IdentityObject.identityHash comment.
    expect(candidateIdentifier('a@example.com', { salt: 'Kosher', identityType: 'emailAddress' })).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
      salt: 'Kosher',
    });
  });

  it('keeps an unsalted id in plain text and marks it as not hashed', () => {
    expect(candidateIdentifier('COMP001021234567')).toEqual({
      type: 'IdentityObject',
      identityType: 'identifier',
      hashed: false,
      identityHash: 'COMP001021234567',
    });
  });

  it('makes identifiers the official OB schema accepts', () => {
    const credential = readExample('vendor-certification-comptia-security-plus.json') as {
      credentialSubject: { identifier: unknown[] };
    };
    credential.credentialSubject.identifier = [
      candidateIdentifier('X1'),
      candidateIdentifier('X1', { salt: 's', identityType: 'ext:VendorCandidateId' }),
    ];
    expect(validate('open-badge-credential', credential)).toEqual({ valid: true, errors: [] });
  });
});
