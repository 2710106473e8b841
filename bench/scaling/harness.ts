import { formatDiagnostic } from '../../src/config/diagnostics.js';
import { loadRuleText } from '../../src/config/load.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/event.js';

/** An Engine over one rule text, with outputs that only count what the actions would write. */
export interface Harness {
  readonly engine: Engine;
  /** How many write/udpsock/... calls the actions made. */
  outputs(): number;
}

/** Engine settings a benchmark may vary. */
export interface HarnessOptions {
  readonly evstoresize?: number;
  /** The rule prefilter (issue 7): undefined = the engine's default, false = off (SEC's way). */
  readonly prefilter?: boolean;
}

/**
 * The engine in-process with no I/O at all (GUIDE: the engine is a state machine driven by
 * process(event, now) and cleanup(now)), so a figure is the engine's own cost per line.
 */
export function harness(rules: string, opts: HarnessOptions = {}): Harness {
  const loaded = loadRuleText(rules, 'bench.sec', { bufsize: 0 });
  if (!loaded.file.clean) {
    const first = loaded.diagnostics[0];
    throw new Error(`bench rules did not load: ${first === undefined ? '?' : formatDiagnostic(first)}`);
  }
  const config = {
    files: [loaded.file],
    sets: new Map(),
    mainFiles: ['bench.sec'],
    diagnostics: [],
    ok: true,
  };
  let count = 0;
  const counted = (): void => {
    count++;
  };
  const nothing = (): void => undefined;
  const outputs = {
    write: counted,
    owritecl: counted,
    closef: nothing,
    udgram: counted,
    closeudgr: nothing,
    ustream: counted,
    closeustr: nothing,
    udpsock: counted,
    closeudp: nothing,
    tcpsock: counted,
    closetcp: nothing,
  };
  const processes = { run: counted, spawn: counted, pipe: counted, script: nothing };
  // Built apart from the call: `prefilter` is passed only when asked for.
  const engineOptions = {
    bufsize: 1,
    jointbuf: true,
    intcontexts: false,
    quoting: false,
    evstoresize: opts.evstoresize ?? 0,
    ...(opts.prefilter === undefined ? {} : { prefilter: opts.prefilter }),
  };
  const engine = new Engine(config, engineOptions, { outputs, processes, logger: { log: nothing } });
  return { engine, outputs: () => count };
}

/** File-input events for lines, made before the timing starts. */
export function events(lines: readonly string[]): EngineEvent[] {
  return lines.map((line) => ({ line, source: 'bench.log', context: null }));
}

/** Heap in use after a full collection (the suite runs with --expose-gc). */
export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export function hasGc(): boolean {
  return (globalThis as { gc?: unknown }).gc !== undefined;
}
