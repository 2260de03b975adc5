import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/io.js';
import { Output } from '../src/output.js';

function io(options: { tty: boolean; env?: Record<string, string> }): CliIo {
  return {
    stdout: { write: () => undefined, isTTY: options.tty },
    stderr: { write: () => undefined, isTTY: options.tty },
    readStdin: async () => new Uint8Array(),
    env: options.env ?? {},
    cwd: '/',
  };
}

describe('Output', () => {
  it('colours only a terminal without NO_COLOR, and never JSON output', () => {
    expect(new Output(io({ tty: true }), { json: false }).colour).toBe(true);
    expect(new Output(io({ tty: false }), { json: false }).colour).toBe(false);
    expect(new Output(io({ tty: true, env: { NO_COLOR: '1' } }), { json: false }).colour).toBe(false);
    expect(new Output(io({ tty: true }), { json: true }).colour).toBe(false);
  });

  it('aligns table columns by visible width when cells are coloured', () => {
    const output = new Output(io({ tty: true }), { json: false });
    const lines = output.table(
      ['A', 'B', 'C'],
      [
        [output.style('green', 'met'), '#1', 'end'],
        ['partly-met', '#2', 'end'],
      ],
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping colour codes to measure columns.
    const plain = lines.map((line) => line.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(plain[1]?.indexOf('#1')).toBe(plain[2]?.indexOf('#2'));
  });
});
