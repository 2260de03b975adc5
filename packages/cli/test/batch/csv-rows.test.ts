import { describe, expect, it } from 'vitest';
import { csvLine, parseCohortCsv } from '../../src/batch/csv-rows.js';

describe('parseCohortCsv', () => {
  it('numbers rows by their line in the file, counting quoted line breaks and skipping blank lines', () => {
    const rows = parseCohortCsv('\uFEFFlearnerName,criteria\nAisha,"two\nlines"\n\nBen,one\n');
    expect(rows.map((row) => row.line)).toEqual([3, 5]);
    expect(rows[0]?.cells).toEqual({ learnerName: 'Aisha', criteria: 'two\nlines' });
  });

  it('leaves empty cells out so builders apply their defaults, and keeps short rows', () => {
    const rows = parseCohortCsv('a,b,c\n1,,3\n4\n');
    expect(rows.map((row) => row.cells)).toEqual([{ a: '1', c: '3' }, { a: '4' }]);
  });

  it('quotes cells that need it when writing a line back', () => {
    expect(parseCohortCsv(`x,y\n${csvLine(['a,b', 'say "hi"'])}\n`)[0]?.cells).toEqual({
      x: 'a,b',
      y: 'say "hi"',
    });
  });
});
