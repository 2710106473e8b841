/**
 * Runs one timed golden case (test/golden/README.md, `mode: timed`) on a manual clock: the real
 * engine, main loop, outputs and child processes, with input lines released at their virtual
 * seconds. Prints a marker line `\u0001T <n>` before each virtual second so the parent can time
 * every stdout line (children inherit stdout and are awaited before time moves on).
 *
 * Usage: node --import tsx timed-driver.ts <case-dir> <duration> -- <syscorr args...>
 * (run with the prepared work folder as cwd).
 */
import { readFileSync, writeSync } from 'node:fs';
import { expandGlob, expandPatterns, parseCommandLine } from '../../src/cli/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/load.js';
import { automaticBufsize, Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/event.js';
import { type LineSource, MainLoop } from '../../src/engine/loop.js';
import { Outputs, Processes } from '../../src/outputs/index.js';

const [caseDir = '', durationText = '0', , ...args] = process.argv.slice(2);
const duration = Number.parseInt(durationText, 10);
const T0 = 1_767_225_600; // 2026-01-01 00:00:00 UTC, a whole minute

const { options } = parseCommandLine(args);
const config = loadConfig(expandPatterns(options.conf), { bufsize: options.bufsize });
const logger = { log: () => undefined };

/** The case's input files with their virtual times (`@N` absolute, `+N` after the previous line). */
function script(): { at: number; event: EngineEvent }[] {
  const files = options.input.flatMap((i) =>
    expandGlob(i.pattern).map((name) => ({ name, context: i.context })),
  );
  const lines: { at: number; order: number; event: EngineEvent }[] = [];
  let order = 0;
  for (const f of files) {
    let t = 0;
    const text = readFileSync(`${caseDir}/${f.name}`, 'latin1');
    for (const raw of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined)) {
      const m = /^([+@])([0-9]+) /.exec(raw);
      if (m !== null) t = m[1] === '@' ? Number(m[2]) : t + Number(m[2]);
      const line = m === null ? raw : raw.slice(m[0].length);
      lines.push({ at: t, order: order++, event: { line, source: f.name, context: f.context } });
    }
  }
  return lines.sort((a, b) => a.at - b.at || a.order - b.order);
}

const pending = script();
const clock = new ManualClock(T0);
let gateOpen = false;
const source: LineSource = {
  next(now) {
    const head = pending[0];
    if (!gateOpen || head === undefined || T0 + head.at > now) return null;
    pending.shift();
    return head.event;
  },
  exhausted: false,
  sawData: false,
};
/**
 * Writes to stdout (time markers and `write -`). stdout is a pipe that Node may have made
 * non-blocking, and a busy parent (many cases run at once) may read it late: a full pipe answers
 * EAGAIN, so wait briefly and retry rather than lose the text.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text, 'latin1');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

const outputs = new Outputs({ logger, socketTimeout: options.socketTimeout, stdoutWrite: writeOut });
const processes = new Processes({ logger });
let loop: MainLoop | undefined;
const engine = new Engine(
  config,
  {
    bufsize: options.bufsize > 0 ? options.bufsize : automaticBufsize(config),
    jointbuf: options.jointbuf,
    intcontexts: options.intcontexts,
    quoting: options.quoting,
    evstoresize: options.evstoresize,
  },
  { outputs, processes, logger, signal: (s) => loop?.raise(s) },
);
loop = new MainLoop(engine, source, processes, clock, {
  tail: true,
  cleantime: options.cleantime,
  intevents: options.intevents,
  closeOutputs: () => outputs.closeAll(),
});

/** Steps until nothing is left to do at this virtual second, children included. */
async function settle(l: MainLoop): Promise<boolean> {
  for (;;) {
    let r = l.step();
    while (r === 'event' || r === 'busy') r = l.step();
    if (r === 'exit') return true;
    if (processes.running === 0) return false;
    await processes.idle();
  }
}

writeOut('\u0001T 0\n');
loop.start();
let stop = false;
for (let t = 0; t <= duration && !stop; t++) {
  clock.set(T0 + t);
  if (t > 0) writeOut(`\u0001T ${t}\n`);
  gateOpen = false;
  loop.step(); // the cleanup pass of this second comes before its input lines
  gateOpen = true;
  stop = await settle(loop);
}
processes.terminateAll();
process.exit(0);
