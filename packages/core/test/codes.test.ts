import { readFileSync } from 'node:fs';
import { Codes } from '@skills-passport/core';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../docs/verification-codes.md', import.meta.url), 'utf8');

/** The codes documented as table rows: the first cell of a row, in backticks (tables may be padded). */
const rows = [...doc.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|/gm)].map((match) => match[1]);
const documentedRows = new Set(rows);

describe('docs/verification-codes.md', () => {
  it.each(Object.entries(Codes))('documents %s (`%s`) in a table row', (_name, code) => {
    expect(doc).toContain(`\`${code}\``);
    expect(documentedRows.has(code)).toBe(true);
  });

  it('documents each code once, so a reader finds one explanation', () => {
    expect(rows.length).toBe(new Set(rows).size);
  });

  it('keeps codes stable kebab-case strings, each used by one name only', () => {
    const values = Object.values(Codes);
    for (const code of values) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(values).size).toBe(values.length);
  });
});
