import { performance } from 'node:perf_hooks';
import type { EngineEvent } from '../../src/engine/event.js';
import { Random } from '../random.js';
import { type Measure, measure } from '../stats.js';
import { type Harness, harness, heapUsed } from './harness.js';

/** What it costs to hold `live` operations or contexts. */
export interface LiveStateResult {
  readonly kind: 'operations' | 'contexts';
  readonly live: number;
  readonly bytesEach: number;
  readonly createMicros: number;
  /** Cost of a line that finds its operation / context among the live ones. */
  readonly microsPerLine: Measure;
  /** One cleanup pass (SEC runs one per second) while nothing expires. */
  readonly cleanupMs: Measure;
  /** Whether everything was freed once the windows / lifetimes ended. */
  readonly freed: boolean;
}

const NOW = 1_800_000_000;

/** One SingleWithThreshold operation per user: the threshold is never reached in the run. */
const OPERATION_RULE = `type=SingleWithThreshold
ptype=RegExp
pattern=^login failure for (\\S+)$
desc=failures for $1
action=write - %s
window=3600
thresh=1000000
`;

/** One context per session, holding one line (a short event store), checked by a second rule. */
const CONTEXT_RULES = `type=Single
ptype=RegExp
pattern=^session (\\S+) opened$
desc=open $1
action=create S_$1 3600; add S_$1 $0

type=Single
ptype=RegExp
pattern=^session (\\S+) check$
context=S_$1
desc=check $1
action=none
`;

interface Shape {
  readonly rules: string;
  readonly create: (i: number) => string;
  readonly touch: (i: number) => string;
  readonly size: (h: Harness) => number;
}

const SHAPES: Readonly<Record<LiveStateResult['kind'], Shape>> = {
  operations: {
    rules: OPERATION_RULE,
    create: (i) => `login failure for user${i}`,
    touch: (i) => `login failure for user${i}`,
    size: (h) => h.engine.operations.size,
  },
  contexts: {
    rules: CONTEXT_RULES,
    create: (i) => `session u${i} opened`,
    touch: (i) => `session u${i} check`,
    size: (h) => h.engine.contexts.count,
  },
};

const event = (line: string): EngineEvent => ({ line, source: 'bench.log', context: null });

function timeTouches(h: Harness, shape: Shape, live: number, lines: number, reps: number): number[] {
  const r = new Random(live);
  const samples: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const evs = Array.from({ length: lines }, () => event(shape.touch(r.int(live))));
    const t0 = performance.now();
    for (const ev of evs) h.engine.process(ev, NOW);
    samples.push(((performance.now() - t0) * 1000) / lines);
  }
  return samples;
}

function timeCleanups(h: Harness, reps: number): number[] {
  const samples: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const t0 = performance.now();
    h.engine.cleanup(NOW + 1 + rep);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Creates `live` operations or contexts in one engine and measures memory and costs around them. */
export function measureLiveState(kind: LiveStateResult['kind'], live: number, reps: number): LiveStateResult {
  const shape = SHAPES[kind];
  const h = harness(shape.rules);
  const before = heapUsed();
  const t0 = performance.now();
  for (let i = 0; i < live; i++) h.engine.process(event(shape.create(i)), NOW);
  const createMs = performance.now() - t0;
  const after = heapUsed();
  if (shape.size(h) !== live) throw new Error(`expected ${live} live ${kind}, have ${shape.size(h)}`);
  const touches = timeTouches(h, shape, live, Math.min(50_000, Math.max(live, 10_000)), reps);
  const cleanups = timeCleanups(h, reps);
  h.engine.cleanup(NOW + 3601 + reps);
  return {
    kind,
    live,
    bytesEach: (after - before) / live,
    createMicros: (createMs * 1000) / live,
    microsPerLine: measure(touches),
    cleanupMs: measure(cleanups),
    freed: shape.size(h) === 0,
  };
}
