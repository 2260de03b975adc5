import { describe, expect, it } from 'vitest';
import { generateKey } from '../../src/index.js';
import { checkSchema } from '../../src/verify/schema-check.js';
import { openBadge } from '../fixtures.js';

const entry = (purpose: string, index: string) => ({
  id: `https://status.example.org/lists/1#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: purpose,
  statusListIndex: index,
  statusListCredential: 'https://status.example.org/lists/1',
});

describe('the schema check', () => {
  it('accepts several status entries when each matches the OB status schema', async () => {
    const issuer = await generateKey();
    const credential = openBadge(issuer, 'did:example:learner', {
      credentialStatus: [entry('revocation', '1'), entry('suspension', '2')],
    });
    expect(checkSchema(credential).code).toBe('schema-ok');
  });

  it('still rejects a status entry that does not match, even in a list', async () => {
    const issuer = await generateKey();
    const { type: _type, ...untyped } = entry('suspension', '2');
    const credential = openBadge(issuer, 'did:example:learner', {
      credentialStatus: [entry('revocation', '1'), untyped],
    });
    const check = checkSchema(credential);
    expect(check.code).toBe('schema-invalid');
    expect(check.message).toContain('/credentialStatus');
  });
});
