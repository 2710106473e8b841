import { loadRuleText } from '../src/config/load.js';
import { Engine } from '../src/engine/engine.js';
import type { Row } from './stats.js';

const RULE = `type=SingleWithThreshold
ptype=RegExp
pattern=^login failure for (\\S+)$
desc=failures for $1
action=write - %s
window=3600
thresh=1000
`;

function heap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Bytes per live SingleWithThreshold operation, one per distinct key (needs node --expose-gc). */
export function benchOperationMemory(count: number): Row {
  const loaded = loadRuleText(RULE, 'mem.sec', { bufsize: 0 });
  const config = { files: [loaded.file], sets: new Map(), mainFiles: ['mem.sec'], diagnostics: [], ok: true };
  const silent = { log: () => undefined };
  const nothing = () => undefined;
  const outputs = {
    write: nothing,
    owritecl: nothing,
    closef: nothing,
    udgram: nothing,
    closeudgr: nothing,
    ustream: nothing,
    closeustr: nothing,
    udpsock: nothing,
    closeudp: nothing,
    tcpsock: nothing,
    closetcp: nothing,
  };
  const processes = { run: nothing, spawn: nothing, pipe: nothing, script: nothing };
  const engine = new Engine(
    config,
    { bufsize: 1, jointbuf: true, intcontexts: false, quoting: false, evstoresize: 0 },
    { outputs, processes, logger: silent },
  );
  const before = heap();
  const t0 = performance.now();
  for (let i = 0; i < count; i++)
    engine.process({ line: `login failure for user${i}`, source: 'f', context: null }, 1_000_000);
  const ms = performance.now() - t0;
  const after = heap();
  if (engine.operations.size !== count)
    throw new Error(`expected ${count} operations, have ${engine.operations.size}`);
  engine.cleanup(1_000_000 + 3601);
  const freed = engine.operations.size;
  return {
    name: `${count.toLocaleString('en')} live SingleWithThreshold operations (one per key)`,
    syscorr: `${Math.round((after - before) / count)} bytes/operation`,
    sec: '-',
    note: `created in ${(ms / 1000).toFixed(1)} s; ${freed} left after the windows ended${(globalThis as { gc?: unknown }).gc === undefined ? '; run with --expose-gc for exact figures' : ''}`,
  };
}
