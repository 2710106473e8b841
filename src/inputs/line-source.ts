import type { SecOptions } from '../cli/index.js';
import type { EngineEvent } from '../engine/event.js';
import type { LineSource } from '../engine/loop.js';
import type { TimeZone } from '../engine/variables/index.js';
import type { SyslogTelemetry } from '../metrics/telemetry.js';
import type { InputSet } from './input-set.js';
import { type NetworkSourceOptions, toEvent } from './network-source.js';
import type { SyslogListeners } from './syslog/index.js';

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
  listeners: SyslogListeners | null,
  render: ReadonlyMap<string, NetworkSourceOptions>,
  zone: TimeZone,
  telemetry: SyslogTelemetry,
): LineSource & { readonly receivedAt: number | null } {
  let networkFirst = false;
  // Issue 6: when the last event returned was received (performance.now() ms); null for files.
  let receivedAt: number | null = null;
  const fallback: NetworkSourceOptions = { format: 'classic', zone };
  const fromNetwork = (now: number): EngineEvent | null => {
    const m = listeners?.next() ?? null;
    receivedAt = m?.receivedAt ?? null;
    return m === null ? null : toEvent(m, now, render.get(m.listener) ?? fallback, telemetry);
  };
  const fromFiles = (now: number): EngineEvent | null => {
    const l = inputs.next(now);
    receivedAt = null;
    return l === null ? null : { line: l.line, source: l.source, context: l.context };
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
      return inputs.exhausted && listeners === null;
    },
    get sawData() {
      return inputs.sawData;
    },
  };
}
