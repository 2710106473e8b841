import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Input files of the engine benchmark: prefixes of one seeded line stream, written once per
 * size. Every engine and every case reads a prefix of the same stream, so the input a slow
 * engine gets is also the beginning of the input a fast one gets.
 */
export class InputFiles {
  readonly #dir: string;
  readonly #name: string;
  readonly #stream: Generator<string>;
  readonly #lines: string[] = [];
  readonly #files = new Map<number, string>();

  constructor(dir: string, name: string, stream: Generator<string>) {
    this.#dir = dir;
    this.#name = name;
    this.#stream = stream;
  }

  /** The path of a file holding the first `count` lines (0 gives an empty file). */
  file(count: number): string {
    const known = this.#files.get(count);
    if (known !== undefined) return known;
    while (this.#lines.length < count) {
      const next = this.#stream.next();
      if (next.done === true) break;
      this.#lines.push(next.value);
    }
    const path = join(this.#dir, `${this.#name}-${count}.log`);
    writeFileSync(path, count === 0 ? '' : `${this.#lines.slice(0, count).join('\n')}\n`, 'latin1');
    this.#files.set(count, path);
    return path;
  }
}
