import type { CliIo } from './io.js';

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow';

const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
};

/**
 * The one place that decides how results look: human text (coloured only on a terminal without `NO_COLOR`)
 * or, with `--json`, one JSON document on stdout. Commands hand it both forms and never write to the streams
 * themselves, so every command honours `--json` the same way.
 *
 * @example
 * const output = new Output(io, { json: false });
 * output.result(['Issued urn:uuid:…'], { credentialId: 'urn:uuid:…' });
 */
export class Output {
  readonly json: boolean;
  readonly colour: boolean;
  readonly #io: CliIo;

  constructor(io: CliIo, options: { json: boolean }) {
    this.#io = io;
    this.json = options.json;
    // https://no-color.org: any non-empty NO_COLOR turns colour off; pipes and files never get escape codes.
    const noColour = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
    this.colour = !options.json && !noColour && io.stdout.isTTY === true;
  }

  /** Prints a command's result: `lines` for people, `data` (pretty JSON) with `--json`. */
  result(lines: string | string[], data: unknown): void {
    if (this.json) {
      this.#io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    const text = Array.isArray(lines) ? lines.join('\n') : lines;
    if (text !== '') this.#io.stdout.write(`${text}\n`);
  }

  /** Writes raw content (a credential, a CSV template) to stdout as is. */
  raw(text: string): void {
    this.#io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A side note for people (progress, warnings); always stderr so stdout stays machine-readable. */
  note(line: string): void {
    this.#io.stderr.write(`${line}\n`);
  }

  /** Reports a failure as `error <code>: message` (stderr), or as `{ "error": { code, message } }` with `--json`. */
  error(code: string, message: string, details?: unknown): void {
    if (this.json) {
      const error = details === undefined ? { code, message } : { code, message, details };
      this.#io.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
      return;
    }
    this.#io.stderr.write(`error ${code}: ${message}\n`);
  }

  /** Wraps text in a terminal style when colour is on. */
  style(style: Style, text: string): string {
    if (!this.colour) return text;
    const [open, close] = ANSI[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }

  /**
   * A left-aligned text table with a header row; plain cells are cut at `maxWidth` characters. Cells may be
   * styled: widths count visible characters only.
   */
  table(headers: string[], rows: string[][], maxWidth = 48): string[] {
    const cut = (cell: string) =>
      cell.length > maxWidth && visibleLength(cell) === cell.length
        ? `${cell.slice(0, maxWidth - 1)}…`
        : cell;
    const cells = [headers, ...rows].map((row) => row.map(cut));
    const widths = headers.map((_, column) =>
      Math.max(...cells.map((row) => visibleLength(row[column] ?? ''))),
    );
    const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - visibleLength(cell)));
    const line = (row: string[]) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column] ?? 0)))
        .join('  ')
        .trimEnd();
    const [head, ...body] = cells;
    return [this.style('bold', line(head ?? [])), ...body.map(line)];
  }
}

/** Length of text as the terminal shows it, without colour escape codes. */
function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC of colour codes is the point.
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
