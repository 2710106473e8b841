import type { SecOptions } from '../cli/index.js';
import type { EngineEvent } from '../engine/event.js';
import type { LineSource } from '../engine/loop.js';
import type { InputSet } from './input-set.js';
import type { NetworkInput } from './network-input.js';

/** The --input patterns that are files or stdin (network listeners are separate inputs). */
export function fileInputs(options: SecOptions): { pattern: string; context: string | null }[] {
  return options.input
    .filter((i) => i.kind === 'file')
    .map((i) => ({ pattern: i.pattern, context: i.context }));
}

/**
 * Adapts file/stdin inputs and syslog listeners to the loop's LineSource; the two kinds take
 * turns so neither a busy log file nor a flood of datagrams starves the other.
 */
export function lineSource(
  inputs: InputSet,
  network: NetworkInput | null,
): LineSource & { readonly receivedAt: number | null } {
  let networkFirst = false;
  // Issue 6: when the last event returned was received (performance.now() ms); null for files.
  let receivedAt: number | null = null;
  const fromNetwork = (now: number): EngineEvent | null => {
    const m = network?.next(now) ?? null;
    receivedAt = m?.receivedAt ?? null;
    return m === null ? null : m.event;
  };
  const fromFiles = (now: number): EngineEvent | null => {
    receivedAt = null;
    // An InputLine is an EngineEvent already (line, source, context): no copy per line.
    return inputs.next(now);
  };
  return {
    get receivedAt() {
      return receivedAt;
    },
    next(now: number): EngineEvent | null {
      networkFirst = !networkFirst;
      return networkFirst ? (fromNetwork(now) ?? fromFiles(now)) : (fromFiles(now) ?? fromNetwork(now));
    },
    get exhausted() {
      // Listeners never reach EOF: with any of them, --notail runs until SIGTERM.
      return inputs.exhausted && network === null;
    },
    get sawData() {
      return inputs.sawData;
    },
  };
}
