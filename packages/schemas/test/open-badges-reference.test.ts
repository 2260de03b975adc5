import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSchemaFile, validate } from '@skills-passport/schemas';
import { describe, expect, it } from 'vitest';
import { hasReference, REFERENCE_DIR, readJson } from './example-files.js';

const OFFICIAL_EXAMPLES = [
  'openbadges-3.0/example-complete-openbadgecredential.json',
  'openbadges-3.0/example-minimal-openbadgecredential.json',
];

// The reference folder sits beside the repository (../shared/reference); a plain clone skips these visibly.
describe.skipIf(!hasReference)('official Open Badges 3.0 reference material', () => {
  it.each(OFFICIAL_EXAMPLES)('%s validates against open-badge-credential', (file) => {
    expect(validate('open-badge-credential', readJson(REFERENCE_DIR, file))).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('our open-badge-credential schema is the official OB 3.0 schema, not a loosened copy', () => {
    const official = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('openbadges-3.0/ob_v3p0_achievementcredential_schema.json', REFERENCE_DIR)),
        'utf8',
      ),
    );
    expect(readSchemaFile('open-badge-credential.json')).toEqual(official);
  });
});
