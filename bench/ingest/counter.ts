import { closeSync, existsSync, openSync, readSync } from 'node:fs';

/** How many messages a receiver has handled so far. */
export interface Counter {
  readonly how: string;
  read(): Promise<number>;
  /** Messages the receiver itself reports dropping (queue full, rate limit, …), when it reports them. */
  dropped?(): Promise<number | null>;
}

/** Counts the newlines of a file that a receiver appends to (rsyslog's output, syscorr's count rule). */
export class LineCounter implements Counter {
  readonly how: string;
  readonly #path: string;
  #offset = 0;
  #lines = 0;
  readonly #buf = Buffer.alloc(1 << 20);

  constructor(path: string, how: string) {
    this.#path = path;
    this.how = how;
  }

  async read(): Promise<number> {
    if (!existsSync(this.#path)) return this.#lines;
    const fd = openSync(this.#path, 'r');
    try {
      for (;;) {
        const n = readSync(fd, this.#buf, 0, this.#buf.length, this.#offset);
        if (n <= 0) break;
        this.#offset += n;
        for (let i = 0; i < n; i++) if (this.#buf[i] === 10) this.#lines++;
      }
    } finally {
      closeSync(fd);
    }
    return this.#lines;
  }
}

/** The value of a Prometheus text-format series (summed over the label sets that contain `labels`). */
export function parseMetric(text: string, name: string, labels = ''): number | null {
  let found = false;
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (labels !== '' && !rest.includes(labels)) continue;
    const value = Number(rest.slice(rest.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) {
      found = true;
      sum += value;
    }
  }
  return found ? sum : null;
}

/** Reads syscorr's own count of processed input events from its /metrics endpoint. */
export class MetricsCounter implements Counter {
  readonly how = 'syscorr metrics (syscorr_events_processed_total{kind="input"})';
  readonly #url: string;

  constructor(url: string) {
    this.#url = url;
  }

  async scrape(): Promise<string> {
    const res = await fetch(this.#url, { signal: AbortSignal.timeout(5000) });
    return res.text();
  }

  async read(): Promise<number> {
    const value = parseMetric(await this.scrape(), 'syscorr_events_processed_total', 'kind="input"');
    if (value === null) throw new Error(`no syscorr_events_processed_total at ${this.#url}`);
    return value;
  }

  async dropped(): Promise<number | null> {
    return parseMetric(await this.scrape(), 'syscorr_syslog_messages_dropped_total');
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the counter reaches `target` or stops moving for `quietMs`; returns the count and
 * when it last moved (performance.now()), so a rate can end at the last message handled.
 */
export async function settle(
  counter: Counter,
  target: number,
  quietMs = 600,
  maxMs = 60_000,
): Promise<{ count: number; lastMove: number }> {
  const start = performance.now();
  let count = await counter.read();
  let lastMove = performance.now();
  while (count < target && performance.now() - lastMove < quietMs && performance.now() - start < maxMs) {
    await sleep(50);
    const next = await counter.read();
    if (next !== count) {
      count = next;
      lastMove = performance.now();
    }
  }
  return { count, lastMove };
}
