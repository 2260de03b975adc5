import type { OutputStream } from '../io.js';

/**
 * Batch progress on stderr: a redrawn bar on a terminal, otherwise a plain line every tenth of the way (so logs
 * of CI jobs and pipes stay readable).
 *
 * @example
 * const progress = new Progress(io.stderr, rows.length);
 * for (const row of rows) { …; progress.tick(); }
 * progress.done();
 */
export class Progress {
  readonly #stream: OutputStream;
  readonly #total: number;
  readonly #step: number;
  #count = 0;

  constructor(stream: OutputStream, total: number) {
    this.#stream = stream;
    this.#total = total;
    this.#step = Math.max(1, Math.ceil(total / 10));
  }

  tick(): void {
    this.#count += 1;
    if (this.#stream.isTTY) {
      const width = 30;
      const filled = this.#total === 0 ? width : Math.round((this.#count / this.#total) * width);
      const percent = this.#total === 0 ? 100 : Math.floor((this.#count / this.#total) * 100);
      this.#stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${this.#count}/${this.#total}`,
      );
    } else if (this.#count % this.#step === 0 || this.#count === this.#total) {
      this.#stream.write(`progress ${this.#count}/${this.#total}\n`);
    }
  }

  done(): void {
    if (this.#stream.isTTY && this.#count > 0) this.#stream.write('\n');
  }
}
