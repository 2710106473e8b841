import { describe, expect, it } from 'vitest';
import { feed, makeEngine } from '../../support/engine-harness.js';
import { hmsOn, runSeconds } from '../../support/timeline.js';

/** Dec 30 00:00:00 UTC; `hms('12:23:25')` is that wall-clock time on the same day. */
const DAY = Date.UTC(2023, 11, 30) / 1000;
const hms = hmsOn(DAY);

const T = 1_700_000_000;

/** Same loop with times relative to T, as plain numbers. */
function runRel(rules: string, to: number, events: Record<number, string[]>): string[] {
  const { engine, rec } = makeEngine({ 'r.sec': rules });
  const out: string[] = [];
  for (let t = 0; t <= to; t++) {
    const before = rec.stdout.length;
    feed(engine, events[t] ?? [], T + t);
    engine.cleanup(T + t);
    for (const line of rec.stdout.slice(before)) out.push(`${t} ${line}`);
  }
  return out;
}

function sw2t(w: number, n: number, w2: number, n2: number, extra = ''): string {
  return [
    'type=SingleWith2Thresholds',
    'ptype=RegExp',
    'pattern=(\\S+) hog(?: (\\S+))?',
    'desc=over $1',
    'action=write - %s',
    `window=${w}`,
    `thresh=${n}`,
    'desc2=normal $1',
    'action2=write - %s',
    `window2=${w2}`,
    `thresh2=${n2}`,
    extra,
    '',
  ].join('\n');
}

const CPUHOG = [
  'type=SingleWith2Thresholds',
  'ptype=RegExp',
  'pattern=(\\S+): %SYS-3-CPUHOG',
  'desc=Router $1 CPU overload',
  'action=write - %s',
  'window=300',
  'thresh=2',
  'desc2=Router $1 CPU load has been normal for 1h',
  'action2=write - %s',
  'window2=3600',
  'thresh2=0',
  '',
].join('\n');

describe('SingleWith2Thresholds (RT-sw2t)', () => {
  it('EX-rt-sw2t: the manual CPUHOG timeline (alert 12:25:38, window moved 12:28:53, normal after 13:28:53)', () => {
    const { engine, rec } = makeEngine({ 'r.sec': CPUHOG });
    const hog = 'router1.mydomain Router1: %SYS-3-CPUHOG: cpu is hogged';
    const events = new Map<number, string[]>([
      [hms('12:23:25'), [hog]],
      [hms('12:25:38'), [hog]],
      [hms('12:28:53'), [hog]],
    ]);
    const desc = 'Router Router1 CPU overload';
    expect(runSeconds(engine, rec, hms('12:23:25'), hms('12:25:38'), events)).toEqual([`12:25:38 ${desc}`]);
    // Phase 2 starts at the alert.
    expect(engine.getwpos('r.sec', 0, desc)).toBe(hms('12:25:38'));
    runSeconds(engine, rec, hms('12:25:39'), hms('12:28:53'), events);
    expect(engine.getwpos('r.sec', 0, desc)).toBe(hms('12:28:53'));
    expect(runSeconds(engine, rec, hms('12:28:54'), hms('13:28:53'), events)).toEqual([]);
    expect(runSeconds(engine, rec, hms('13:28:54'), hms('13:30:00'), events)).toEqual([
      '13:28:54 Router Router1 CPU load has been normal for 1h',
    ]);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-sw2t: "10 ssh failures within a minute, then ceased for 2 minutes" (thresh2=0)', () => {
    const rules = sw2t(60, 10, 120, 0);
    const events: Record<number, string[]> = {};
    // Ten failures 5 s apart (0..45): the tenth reaches the threshold at 45.
    for (let t = 0; t <= 45; t += 5) events[t] = ['ssh hog'];
    // Two more during phase 2: each restarts the calm window (100 is the last one).
    events[50] = ['ssh hog'];
    events[100] = ['ssh hog'];
    expect(runRel(rules, 400, events)).toEqual(['45 over ssh', '221 normal ssh']);
  });

  it('RT-sw2t: nine failures in a minute are not enough; a slow stream never alerts', () => {
    const events: Record<number, string[]> = {};
    for (let t = 0; t < 9; t++) events[t * 6] = ['ssh hog'];
    // Failures every 7 s: at most 9 of them fit in [t-60, t].
    for (let t = 100; t < 300; t += 7) events[t] = ['ssh hog'];
    expect(runRel(sw2t(60, 10, 120, 0), 400, events)).toEqual([]);
  });

  it('RT-sw2t: the triggering event is not counted in phase 2', () => {
    // Phase 2 from 1 with no times; 5 is one event (<= thresh2=1), so the start stays 1.
    const out = runRel(sw2t(10, 2, 10, 1), 30, { 0: ['r hog'], 1: ['r hog'], 5: ['r hog'] });
    expect(out).toEqual(['1 over r', '12 normal r']);
  });

  it('RT-sw2t-phase2: more than thresh2 times drop the oldest and restart at the next oldest', () => {
    // Phase 2 from 1; 3, 4 are within thresh2=2; 5 breaks it: 3 is dropped, start = 4.
    const out = runRel(sw2t(10, 2, 10, 2), 30, {
      0: ['r hog'],
      1: ['r hog'],
      3: ['r hog'],
      4: ['r hog'],
      5: ['r hog'],
    });
    expect(out).toEqual(['1 over r', '15 normal r']);
  });

  it('RT-sw2t: desc2 and action2 use the values of the event that created the operation', () => {
    const rules = sw2t(10, 2, 5, 0).replace('desc2=normal $1', 'desc2=normal $1 since $2');
    const out = runRel(rules, 20, { 0: ['r hog first'], 1: ['r hog second'] });
    expect(out).toEqual(['1 over r', '7 normal r since first']);
  });

  it('RT-sw2t-phase2: phase-1 expiry slides like SWT and deletes silently when no time remains', () => {
    const { engine, rec } = makeEngine({ 'r.sec': sw2t(10, 3, 10, 0) });
    feed(engine, ['r hog'], T);
    feed(engine, ['r hog'], T + 4);
    engine.cleanup(T + 11);
    expect(engine.getwpos('r.sec', 0, 'over r')).toBe(T + 4);
    engine.cleanup(T + 15);
    expect(engine.getwpos('r.sec', 0, 'over r')).toBeUndefined();
    expect(rec.stdout).toEqual([]);
  });

  it('RT-expiry-where: an event after phase 2 ran out runs action2 first, then counts anew', () => {
    // No cleanup: 13 - 1 > 10, so action2 runs lazily at 13, then 13 opens a new operation.
    const { engine, rec } = makeEngine({ 'r.sec': sw2t(10, 2, 10, 0) });
    for (const t of [0, 1, 13, 14]) feed(engine, ['r hog'], T + t);
    expect(rec.stdout).toEqual(['over r', 'normal r', 'over r']);
  });

  it('RT-window-incl: phase 2 is still alive exactly window2 seconds after its start', () => {
    const { engine, rec } = makeEngine({ 'r.sec': sw2t(10, 2, 10, 0) });
    feed(engine, ['r hog', 'r hog'], T);
    engine.cleanup(T + 10);
    expect(rec.stdout).toEqual(['over r']);
    // An event at exactly start + window2 still counts as a violation and restarts phase 2.
    feed(engine, ['r hog'], T + 10);
    engine.cleanup(T + 20);
    expect(rec.stdout).toEqual(['over r']);
    engine.cleanup(T + 21);
    expect(rec.stdout).toEqual(['over r', 'normal r']);
  });

  it('ACT-setwpos: phase 1 drops times (silent delete if none); phase 2 only moves, never deletes', () => {
    const mover = 'type=Single\nptype=RegExp\npattern=move (\\d+)\ndesc=m\naction=setwpos $1 -1 over r\n';
    const { engine, rec } = makeEngine({ 'r.sec': `${sw2t(10, 3, 10, 0)}\n${mover}` });
    feed(engine, ['r hog'], T);
    feed(engine, ['r hog'], T + 2);
    feed(engine, [`move ${T + 3}`], T + 4);
    expect(engine.getwpos('r.sec', 0, 'over r')).toBeUndefined();
    feed(engine, ['r hog', 'r hog', 'r hog'], T + 5);
    expect(rec.stdout).toEqual(['over r']);
    // Phase 2 from 5 with an empty list: moving to 9 keeps it, and action2 comes 10 s after 9.
    feed(engine, [`move ${T + 9}`], T + 9);
    expect(engine.getwpos('r.sec', 0, 'over r')).toBe(T + 9);
    engine.cleanup(T + 19);
    expect(rec.stdout).toEqual(['over r']);
    engine.cleanup(T + 20);
    expect(rec.stdout).toEqual(['over r', 'normal r']);
  });

  it('ACT-reset: phase 2 killed by reset runs no action2', () => {
    const reset = 'type=Single\nptype=SubStr\npattern=ok\ndesc=r\naction=reset -1 over r\n';
    const out = runRel(`${sw2t(10, 2, 10, 0)}\n${reset}`, 40, { 0: ['r hog', 'r hog'], 3: ['ok'] });
    expect(out).toEqual(['0 over r']);
  });
});
