import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from '../../bench/random.js';
import { type GarbageStream, garbageDatagram, garbageStream } from './syslog-garbage.js';
import { LineTail } from './syslog-process.js';
import { endGracefully, resetConnection, tcpConnect, UdpSender, writeAll } from './syslog-senders.js';

/**
 * Drives the garbage flood (issue 5, Acceptance) against a receiver: garbage datagrams and TCP
 * connections, with good messages (distinct ids) interleaved on their own well-formed datagrams
 * and connections. The receiver's rules write each good id to a file; the driver follows that
 * file and keeps at most `window` good messages unseen, which paces UDP (it has no flow control)
 * to what the receiver takes, however slow the machine is.
 */

export type GoodRoute = 'udp' | 'tcp-octet' | 'tcp-lf';

export interface FloodOptions {
  readonly rng: Random;
  readonly udpPort: number;
  readonly tcpPort: number;
  /** The file the receiver writes `<id> …` lines to, one per good message it saw. */
  readonly idsFile: string;
  /** Garbage items: datagrams plus TCP connections. */
  readonly items: number;
  /** Share of the items that are TCP connections. */
  readonly streamShare: number;
  /** One good message after this many garbage items. */
  readonly goodEvery: number;
  readonly window: number;
  /** TCP garbage connections open at once. */
  readonly concurrency: number;
  /** Share of the datagrams that are 9-60 KB (sent only when the receiver has caught up). */
  readonly largeShare: number;
  /** The UDP listener's maxframe: longer datagrams are counted in udpOversize. */
  readonly udpMaxFrame: number;
  /** Give up when no good message was seen for this long. */
  readonly stallMs?: number;
}

/** What a marker's item must produce: `once`, or `atMostOnce` for frames on a reset connection. */
export interface MarkerExpectation {
  readonly kind: string;
  readonly transport: 'udp' | 'tcp';
  readonly atMostOnce: boolean;
  /** Text its event line must contain (GarbageDatagram.text). */
  readonly text?: string;
}

export interface FloodResult {
  readonly datagramsSent: number;
  readonly streamsSent: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly markers: ReadonlyMap<string, MarkerExpectation>;
  /** TCP garbage frames due (FIN) and possible on top (RST). */
  readonly tcpFramesDue: number;
  readonly tcpFramesMaybe: number;
  readonly oversize: number;
  /** Datagrams longer than FloodOptions.udpMaxFrame. */
  readonly udpOversize: number;
  readonly framingErrors: number;
  readonly goods: ReadonlyMap<number, GoodRoute>;
  /** Every line of the ids file, by id. */
  readonly seen: ReadonlyMap<number, string[]>;
}

/** A good message for `route`, recognisable by `flood-good id=<id>` at the end of its line. */
export function goodMessage(id: number, route: GoodRoute): Buffer {
  if (route === 'udp') return Buffer.from(`<38>Nov 28 10:00:00 goodhost flood[${id}]: flood-good id=${id}`);
  if (route === 'tcp-lf')
    return Buffer.from(`<38>Nov 28 10:00:00 goodhost flood[${id}]: flood-good id=${id}\n`);
  const msg = Buffer.from(
    `<38>1 2026-11-28T10:00:00Z goodhost flood ${id} GOOD [flood@32473 id="${id}"] flood-good id=${id}`,
  );
  return Buffer.concat([Buffer.from(`${msg.length} `), msg]);
}

class Flood {
  readonly #o: FloodOptions;
  readonly #udp: UdpSender;
  readonly #tail: LineTail;
  readonly #good: { octet: Socket; lf: Socket };
  readonly #byKind: Record<string, number> = {};
  readonly markers = new Map<string, MarkerExpectation>();
  readonly goods = new Map<number, GoodRoute>();
  readonly seen = new Map<number, string[]>();
  readonly #running = new Set<Promise<void>>();
  #maxSeen = -1;
  #lastProgress = Date.now();
  datagrams = 0;
  streams = 0;
  tcpDue = 0;
  tcpMaybe = 0;
  oversize = 0;
  udpOversize = 0;
  framingErrors = 0;

  constructor(o: FloodOptions, good: { octet: Socket; lf: Socket }) {
    this.#o = o;
    this.#udp = new UdpSender(o.udpPort);
    this.#tail = new LineTail(o.idsFile);
    this.#good = good;
  }

  get byKind(): Readonly<Record<string, number>> {
    return this.#byKind;
  }

  async run(): Promise<void> {
    const { rng } = this.#o;
    let seq = 0;
    for (let i = 0; i < this.#o.items; i++) {
      if (i % this.#o.goodEvery === 0) await this.sendGood();
      if (rng.chance(this.#o.streamShare)) {
        await this.#stream(garbageStream(rng, seq));
        seq += 100;
        continue;
      }
      const large = rng.chance(this.#o.largeShare);
      if (large) await this.waitUntilSeen(this.goods.size - 1); // a 60 KB datagram needs an empty buffer
      const d = garbageDatagram(rng, seq, large);
      seq += 1;
      this.#count(`udp:${d.kind}`);
      if (d.marker !== null) {
        const text = d.text === undefined ? {} : { text: d.text };
        this.markers.set(d.marker, { kind: d.kind, transport: 'udp', atMostOnce: false, ...text });
      }
      this.datagrams += 1;
      if (d.bytes.length > this.#o.udpMaxFrame) this.udpOversize += 1;
      await this.#udp.send(d.bytes);
    }
    await Promise.all(this.#running);
  }

  async sendGood(): Promise<number> {
    const id = this.goods.size;
    const route: GoodRoute = (['udp', 'tcp-octet', 'tcp-lf'] as const)[id % 3] ?? 'udp';
    await this.waitUntilSeen(id - this.#o.window);
    this.goods.set(id, route);
    const bytes = goodMessage(id, route);
    if (route === 'udp') await this.#udp.send(bytes);
    else await writeAll(route === 'tcp-lf' ? this.#good.lf : this.#good.octet, bytes);
    return id;
  }

  /** Waits until a good message with an id >= `id` was seen (a lost one never blocks the flood). */
  async waitUntilSeen(id: number): Promise<void> {
    const stallMs = this.#o.stallMs ?? 20_000;
    while (this.#poll() < id) {
      if (Date.now() - this.#lastProgress > stallMs) {
        throw new Error(
          `no good message seen for ${stallMs} ms (waiting for id ${id}, last ${this.#maxSeen})`,
        );
      }
      await sleep(1);
    }
  }

  /** Waits until every good message sent was seen, or `ms` passed; returns the ids still missing. */
  async waitForAll(ms: number): Promise<number[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      this.#poll();
      const missing = [...this.goods.keys()].filter((id) => !this.seen.has(id));
      if (missing.length === 0 || Date.now() > deadline) return missing;
      await sleep(5);
    }
  }

  async close(): Promise<void> {
    await this.#udp.close();
    await Promise.all([endGracefully(this.#good.octet), endGracefully(this.#good.lf)]);
  }

  #poll(): number {
    for (const line of this.#tail.poll()) {
      const id = Number(line.split(' ', 1)[0]);
      const list = this.seen.get(id);
      if (list === undefined) this.seen.set(id, [line]);
      else list.push(line);
      if (id > this.#maxSeen) {
        this.#maxSeen = id;
        this.#lastProgress = Date.now();
      }
    }
    return this.#maxSeen;
  }

  #count(kind: string): void {
    this.#byKind[kind] = (this.#byKind[kind] ?? 0) + 1;
  }

  async #stream(g: GarbageStream): Promise<void> {
    this.streams += 1;
    this.#count(`tcp:${g.kind}`);
    const reset = g.ending === 'reset';
    for (const m of g.markers) this.markers.set(m, { kind: g.kind, transport: 'tcp', atMostOnce: reset });
    if (reset) this.tcpMaybe += g.frames;
    else this.tcpDue += g.frames;
    this.oversize += g.oversize;
    this.framingErrors += g.framingErrors;
    while (this.#running.size >= this.#o.concurrency) await Promise.race(this.#running);
    const p = sendStream(this.#o.tcpPort, g).finally(() => this.#running.delete(p));
    this.#running.add(p);
  }
}

async function sendStream(port: number, g: GarbageStream): Promise<void> {
  const s = await tcpConnect(port);
  for (const w of g.writes) await writeAll(s, w);
  if (g.ending === 'reset') await resetConnection(s);
  else await endGracefully(s);
}

/** Runs the flood, then one last good message that must arrive after all of it. */
export async function runFlood(o: FloodOptions): Promise<FloodResult> {
  const good = { octet: await tcpConnect(o.tcpPort), lf: await tcpConnect(o.tcpPort) };
  const flood = new Flood(o, good);
  try {
    await flood.run();
    const last = await flood.sendGood();
    await flood.waitUntilSeen(last);
    await flood.waitForAll(5000);
  } finally {
    await flood.close();
  }
  return {
    datagramsSent: flood.datagrams,
    streamsSent: flood.streams,
    byKind: flood.byKind,
    markers: flood.markers,
    tcpFramesDue: flood.tcpDue,
    tcpFramesMaybe: flood.tcpMaybe,
    oversize: flood.oversize,
    udpOversize: flood.udpOversize,
    framingErrors: flood.framingErrors,
    goods: flood.goods,
    seen: flood.seen,
  };
}
