import { createSocket, type Socket } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { MetricsCounter } from './counter.js';
import { type HistogramWindow, histogramBuckets, histogramWindow } from './histogram.js';
import type { UdpSender } from './sender.js';
import type { Target } from './targets.js';

/**
 * The UDP socket the probe rule answers to (`udpsock 127.0.0.1:PORT $1`): it must exist before
 * syscorr starts, since its port is written into the rules.
 */
export class ProbeReceiver {
  readonly #socket: Socket;
  readonly #sentAt = new Map<number, number>();
  readonly #latencies: number[] = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('message', (msg) => {
      const at = performance.now();
      const id = Number(msg.toString('latin1').trim());
      const sent = this.#sentAt.get(id);
      if (sent === undefined) return;
      this.#sentAt.delete(id);
      this.#latencies.push(at - sent);
    });
  }

  static open(): Promise<ProbeReceiver> {
    const socket = createSocket('udp4');
    return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve(new ProbeReceiver(socket))));
  }

  get port(): number {
    return this.#socket.address().port;
  }

  /** Sends probe `id` to the receiver's UDP listener and notes the time. */
  probe(target: number, id: number): void {
    this.#sentAt.set(id, performance.now());
    this.#socket.send(`<13>Nov 28 10:00:00 probe bench[1]: latency-probe ${id}`, target, '127.0.0.1');
  }

  /** Latencies in ms so far, and how many probes never came back; starts a new series. */
  take(): { latencies: number[]; lost: number } {
    const out = { latencies: [...this.#latencies], lost: this.#sentAt.size };
    this.#latencies.length = 0;
    this.#sentAt.clear();
    return out;
  }

  close(): void {
    this.#socket.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Send → action latency under load: the sender offers `rate` datagrams/s of ordinary traffic
 * (none for rate 0) while probes go out every 2 ms; each probe's round trip ends when the probe rule's udpsock
 * answer arrives.
 */
export async function measureLatency(
  t: Target,
  probes: ProbeReceiver,
  sender: UdpSender,
  load: { rate: number; seconds: number; file: string },
): Promise<{ latencies: number[]; lost: number; sent: number; internal?: HistogramWindow }> {
  const before = await ownHistogram(t);
  probes.take();
  let id = 0;
  const timer = setInterval(() => probes.probe(t.udpPort, ++id), 2);
  try {
    // Rate 0 means no other traffic (the sender's 0 would mean "as fast as it can").
    if (load.rate > 0) await sender.send(t.udpPort, load.rate, load.seconds, load.file);
    else await sleep(load.seconds * 1000);
  } finally {
    clearInterval(timer);
  }
  await sleep(1000);
  const taken = { ...probes.take(), sent: id };
  const after = await ownHistogram(t);
  if (before === null || after === null) return taken;
  return { ...taken, internal: histogramWindow(before, after, 0.99) };
}

const OWN_LATENCY = 'syscorr_event_processing_latency_seconds';

/** syscorr's own receipt → rules-done histogram (every event, not only probes); null for others. */
async function ownHistogram(t: Target): Promise<Map<number, number> | null> {
  if (!(t.counter instanceof MetricsCounter)) return null;
  const buckets = histogramBuckets(await t.counter.scrape(), OWN_LATENCY);
  return buckets.size > 0 ? buckets : null;
}
