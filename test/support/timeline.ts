import type { Engine } from '../../src/engine/engine.js';
import { feed, type Recorder } from './engine-harness.js';

/** `hms('01:42:21')` on the UTC day that starts at `day` (epoch seconds). */
export function hmsOn(day: number): (text: string) => number {
  return (text) => {
    const [h, m, s] = text.split(':').map(Number);
    return day + (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  };
}

/** hh:mm:ss of an epoch second, UTC. */
export function clock(t: number): string {
  return new Date(t * 1000).toISOString().slice(11, 19);
}

/**
 * SEC's loop with --cleantime=1 on explicit times: for every second from `from` to `to`, that
 * second's events, then a cleanup pass. Returns what was written to stdout, each line prefixed
 * by its time.
 */
export function runSeconds(
  engine: Engine,
  rec: Recorder,
  from: number,
  to: number,
  events: Map<number, string[]>,
): string[] {
  const out: string[] = [];
  for (let t = from; t <= to; t++) {
    const before = rec.stdout.length;
    feed(engine, events.get(t) ?? [], t);
    engine.cleanup(t);
    for (const line of rec.stdout.slice(before)) out.push(`${clock(t)} ${line}`);
  }
  return out;
}
