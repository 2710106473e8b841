/**
 * The output of one spawned child (SEC CH-spawn-read): bytes arrive whenever the child writes
 * them, but they become events only when the engine asks (IN-order flow control). Complete
 * lines wait here; the trailing partial line is released only once the pipe has closed.
 * Text is latin1 (one char per byte), so lengths are byte counts.
 */
export class SpawnLines {
  #partial = '';
  #ready: string[] = [];
  #readyBytes = 0;
  #newBytes = 0;
  #closed = false;

  /** Appends a chunk read from the pipe; complete lines become ready. */
  push(chunk: string): void {
    if (chunk.length === 0) return;
    this.#newBytes += chunk.length;
    this.#readyBytes += chunk.length;
    const text = this.#partial + chunk;
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      this.#ready.push(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    this.#partial = text.slice(start);
  }

  /** The pipe reached EOF: a final line without a newline is still an event (CH-spawn-read). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#partial !== '') this.#ready.push(this.#partial);
    this.#partial = '';
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Bytes received but not yet released, for pausing the pipe when the engine lags. */
  get bufferedBytes(): number {
    return this.#readyBytes;
  }

  /**
   * Releases every ready line. `received` tells whether any byte arrived since the previous
   * take, even without a complete line (SEC check_children's "new data" flag).
   */
  take(): { lines: string[]; received: boolean } {
    const lines = this.#ready;
    const received = this.#newBytes > 0;
    this.#ready = [];
    this.#newBytes = 0;
    this.#readyBytes = this.#partial.length;
    return { lines, received };
  }
}
