import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feed, makeEngine } from '../../support/engine-harness.js';

/**
 * RT-swt, RT-sw2t, RT-swt-slide, RT-sw2t-phase2, RT-window-incl, RT-expiry-where: for random
 * timelines, both rule types fire exactly when a direct model of the manual's wording says.
 * The model never keeps a "window start"; it asks the manual's questions instead: how many
 * events of this key fell in the last W seconds, and when was the calm of phase 2 last broken.
 */

interface Params {
  readonly w: number;
  readonly n: number;
  readonly w2: number;
  readonly n2: number;
}

interface Step {
  /** Seconds since the previous step (0: same second). */
  readonly dt: number;
  /** Keys of the events seen in this step, in order. */
  readonly keys: readonly string[];
  /** Whether a cleanup pass follows the events (SEC runs it when --cleantime is due). */
  readonly clean: boolean;
}

type Out = Map<string, string[]>;

function emit(out: Out, stream: string, t: number, what: string): void {
  const list = out.get(stream) ?? [];
  list.push(`${t} ${what}`);
  out.set(stream, list);
}

/** SingleWithThreshold as the manual words it, one key. */
class SwtModel {
  #recent: number[] = [];
  #until: number | null = null;
  constructor(
    readonly p: Params,
    readonly out: Out,
    readonly stream: string,
  ) {}

  event(t: number): void {
    if (this.#until !== null) {
      if (t <= this.#until) return; // consumed without any action
      this.#finish(t);
    }
    // Occurrence times older than W seconds are not in the window.
    this.#recent = [...this.#recent.filter((x) => t - x <= this.p.w), t];
    if (this.#recent.length >= this.p.n) {
      emit(this.out, this.stream, t, 'action');
      // The lifetime ends W seconds after the earliest event still in the window.
      this.#until = Math.min(...this.#recent) + this.p.w;
    }
  }

  cleanup(t: number): void {
    if (this.#until !== null && t > this.#until) this.#finish(t);
  }

  #finish(t: number): void {
    emit(this.out, this.stream, t, 'action2');
    this.#until = null;
    this.#recent = [];
  }
}

/** SingleWith2Thresholds as the manual words it, one key. */
class Sw2tModel {
  #recent: number[] = [];
  /** Phase 2: when it began, and the events seen since. */
  #calm: { since: number; seen: number[] } | null = null;
  constructor(
    readonly p: Params,
    readonly out: Out,
    readonly stream: string,
  ) {}

  /** Phase 2's window begins at its start until more than N2 events came; then it moves forward. */
  #calmStart(): number {
    const c = this.#calm as { since: number; seen: number[] };
    const k = c.seen.length;
    if (k <= this.p.n2) return c.since;
    // N2 = 0: the last event; else the N2-th most recent one (the second earliest memorized).
    return this.p.n2 === 0 ? (c.seen[k - 1] as number) : (c.seen[k - this.p.n2] as number);
  }

  event(t: number): void {
    if (this.#calm !== null) {
      if (t - this.#calmStart() <= this.p.w2) {
        this.#calm.seen.push(t);
        return;
      }
      this.cleanup(t);
    }
    this.#recent = [...this.#recent.filter((x) => t - x <= this.p.w), t];
    if (this.#recent.length >= this.p.n) {
      emit(this.out, this.stream, t, 'action');
      this.#calm = { since: t, seen: [] };
      this.#recent = [];
    }
  }

  cleanup(t: number): void {
    if (this.#calm === null || t - this.#calmStart() <= this.p.w2) return;
    emit(this.out, this.stream, t, 'action2');
    this.#calm = null;
  }
}

function rules(p: Params): string {
  return [
    'type=SingleWithThreshold',
    'ptype=RegExp',
    'pattern=ev (\\S+)',
    'desc=swt $1',
    'action=write - action %s',
    'action2=write - action2 %s',
    `window=${p.w}`,
    `thresh=${p.n}`,
    'continue=TakeNext',
    '',
    'type=SingleWith2Thresholds',
    'ptype=RegExp',
    'pattern=ev (\\S+)',
    'desc=sw2t $1',
    'action=write - action %s',
    `window=${p.w}`,
    `thresh=${p.n}`,
    'desc2=sw2t $1',
    'action2=write - action2 %s',
    `window2=${p.w2}`,
    `thresh2=${p.n2}`,
    '',
  ].join('\n');
}

const T0 = 1_700_000_000;

/** The engine's outputs per operation ("swt a", "sw2t b", ...), each as "<t> <action|action2>". */
function engineRun(p: Params, steps: readonly Step[]): Out {
  const { engine, rec } = makeEngine({ 'r.sec': rules(p) });
  const out: Out = new Map();
  let t = 0;
  for (const s of steps) {
    t += s.dt;
    const before = rec.stdout.length;
    feed(
      engine,
      s.keys.map((k) => `ev ${k}`),
      T0 + t,
    );
    if (s.clean) engine.cleanup(T0 + t);
    for (const line of rec.stdout.slice(before)) {
      const [what, ...stream] = line.split(' ');
      emit(out, stream.join(' '), t, what ?? '');
    }
  }
  return out;
}

function modelRun(p: Params, steps: readonly Step[]): Out {
  const out: Out = new Map();
  const models = new Map<string, { cleanup(t: number): void }>();
  const swt = new Map<string, SwtModel>();
  const sw2t = new Map<string, Sw2tModel>();
  let t = 0;
  for (const s of steps) {
    t += s.dt;
    for (const k of s.keys) {
      let a = swt.get(k);
      if (a === undefined) {
        a = new SwtModel(p, out, `swt ${k}`);
        swt.set(k, a);
        models.set(`swt ${k}`, a);
      }
      a.event(t);
      let b = sw2t.get(k);
      if (b === undefined) {
        b = new Sw2tModel(p, out, `sw2t ${k}`);
        sw2t.set(k, b);
        models.set(`sw2t ${k}`, b);
      }
      b.event(t);
    }
    if (s.clean) for (const m of models.values()) m.cleanup(t);
  }
  return out;
}

const params = fc.record({
  w: fc.integer({ min: 1, max: 6 }),
  n: fc.integer({ min: 1, max: 4 }),
  w2: fc.integer({ min: 1, max: 6 }),
  n2: fc.integer({ min: 0, max: 3 }),
});

const step = fc.record({
  dt: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 })),
  keys: fc.array(fc.constantFrom('a', 'b'), { maxLength: 3 }),
  clean: fc.boolean(),
});

function sorted(out: Out): [string, string[]][] {
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b));
}

describe('SingleWithThreshold / SingleWith2Thresholds against a model of the manual', () => {
  it('RT-swt + RT-sw2t: fire at exactly the model times, for random timelines and cleanup passes', () => {
    fc.assert(
      fc.property(params, fc.array(step, { minLength: 1, maxLength: 60 }), (p, steps) => {
        expect(sorted(engineRun(p, steps))).toEqual(sorted(modelRun(p, steps)));
      }),
      { numRuns: 300 },
    );
  });

  it('RT-window-incl + TM-cleanup: with a cleanup pass every second (--cleantime=1), expiry times match the model', () => {
    fc.assert(
      fc.property(
        params,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        (p, gaps) => {
          const steps: Step[] = [];
          for (const g of gaps) {
            for (let i = 0; i < g; i++) steps.push({ dt: 1, keys: [], clean: true });
            steps.push({ dt: steps.length === 0 ? 0 : 1, keys: ['a'], clean: true });
          }
          for (let i = 0; i < 20; i++) steps.push({ dt: 1, keys: [], clean: true });
          expect(sorted(engineRun(p, steps))).toEqual(sorted(modelRun(p, steps)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
