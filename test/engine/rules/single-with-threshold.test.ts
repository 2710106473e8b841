import { describe, expect, it } from 'vitest';
import { operationKey } from '../../../src/engine/operations.js';
import { feed, makeEngine } from '../../support/engine-harness.js';
import { hmsOn, runSeconds } from '../../support/timeline.js';

/** Dec 28 00:00:00 UTC; `hms('01:42:21')` is that wall-clock time on the same day. */
const DAY = Date.UTC(2023, 11, 28) / 1000;
const hms = hmsOn(DAY);

const T = 1_700_000_000;

function swt(desc: string, window: number, thresh: number, extra = ''): string {
  return [
    'type=SingleWithThreshold',
    'ptype=RegExp',
    'pattern=fail (\\S+)',
    `desc=${desc}`,
    'action=write - alert %s',
    `window=${window}`,
    `thresh=${thresh}`,
    extra,
    '',
  ].join('\n');
}

/** Feeds one line at each time (no cleanup) and returns stdout. */
function lazy(rules: string, steps: readonly (readonly [number, string])[]): string[] {
  const { engine, rec } = makeEngine({ 'r.sec': rules });
  for (const [t, line] of steps) feed(engine, [line], T + t);
  return rec.stdout;
}

const SSH_RULE = [
  'type=SingleWithThreshold',
  'ptype=RegExp',
  'pattern=sshd\\[\\d+\\]: Failed .+ for (\\S+) from [\\d.]+ port \\d+ ssh2',
  'desc=Three SSH login failures within 1m for user $1',
  'action=write - %s',
  'action2=write - over: %s',
  'window=60',
  'thresh=3',
  '',
].join('\n');

function ssh(user: string, pid: number, port: number): string {
  return `test sshd[${pid}]: Failed password for ${user} from 10.1.2.7 port ${port} ssh2`;
}

describe('SingleWithThreshold (RT-swt)', () => {
  it('EX-rt-swt: the manual 01:42:21 SSH timeline (slide at 01:43:22, alert 01:44:03, ends 01:44:10)', () => {
    const { engine, rec } = makeEngine({ 'r.sec': SSH_RULE });
    const events = new Map<number, string[]>([
      [hms('01:42:21'), [ssh('risto', 28132, 42172)]],
      [hms('01:43:10'), [ssh('risto', 28132, 42172)]],
      [hms('01:43:29'), [ssh('risto', 28132, 42172)]],
      [hms('01:44:00'), [ssh('risto2', 28149, 42176)]],
      [hms('01:44:03'), [ssh('risto', 28211, 42192)]],
      [hms('01:44:07'), [ssh('risto', 28211, 42192)]],
    ]);
    const risto = 'Three SSH login failures within 1m for user risto';
    const risto2 = 'Three SSH login failures within 1m for user risto2';
    const pos = (desc: string) => engine.getwpos('r.sec', 0, desc);

    expect(runSeconds(engine, rec, hms('01:42:21'), hms('01:43:21'), events)).toEqual([]);
    expect(pos(risto)).toBe(hms('01:42:21'));
    // 01:43:22 - 01:42:21 > 60: the first event leaves the window, which now starts at 01:43:10.
    expect(runSeconds(engine, rec, hms('01:43:22'), hms('01:43:22'), events)).toEqual([]);
    expect(pos(risto)).toBe(hms('01:43:10'));

    const out = runSeconds(engine, rec, hms('01:43:23'), hms('01:44:10'), events);
    expect(out).toEqual([`01:44:03 ${risto}`]);
    // The alert does not move the window: the operation runs until 01:44:10 (start + 60).
    expect(pos(risto)).toBe(hms('01:43:10'));
    expect(pos(risto2)).toBe(hms('01:44:00'));

    // Collected at the first cleanup after 01:44:10; action2 runs because action ran.
    expect(runSeconds(engine, rec, hms('01:44:11'), hms('01:45:00'), events)).toEqual([
      `01:44:11 over: ${risto}`,
    ]);
    expect(pos(risto)).toBeUndefined();
    expect(pos(risto2)).toBe(hms('01:44:00'));
    // risto2 never reached the threshold: it ends silently after 01:45:00.
    expect(runSeconds(engine, rec, hms('01:45:01'), hms('01:46:00'), events)).toEqual([]);
    expect(pos(risto2)).toBeUndefined();
    expect(engine.operations.size).toBe(0);
  });

  it('RT-swt: action runs once at the threshold; later events are swallowed and not counted', () => {
    const rules = swt('d', 10, 2, 'action2=write - end %s');
    // 0 and 5 reach thresh=2; 9 and 10 are swallowed (start stays 0, 10 - 0 <= 10); 11 ends
    // the operation lazily (action2) and starts a new count; 12 reaches the threshold again.
    const out = lazy(rules, [
      [0, 'fail a'],
      [5, 'fail a'],
      [9, 'fail a'],
      [10, 'fail a'],
      [11, 'fail a'],
      [12, 'fail a'],
    ]);
    expect(out).toEqual(['alert d', 'end d', 'alert d']);
  });

  it('RT-opkey: desc decides the scope: one count per $1 value', () => {
    const out = lazy(swt('user $1', 10, 2), [
      [0, 'fail a'],
      [1, 'fail b'],
      [2, 'fail a'],
      [3, 'fail c'],
      [4, 'fail b'],
    ]);
    expect(out).toEqual(['alert user a', 'alert user b']);
  });

  it('RT-window-incl: an event exactly `window` seconds after the start is still counted', () => {
    expect(
      lazy(swt('d', 10, 2), [
        [0, 'fail a'],
        [10, 'fail a'],
      ]),
    ).toEqual(['alert d']);
    expect(
      lazy(swt('d', 10, 2), [
        [0, 'fail a'],
        [11, 'fail a'],
      ]),
    ).toEqual([]);
  });

  it('RT-expiry-where: without cleanup, a new event slides the window first (lazy expiry)', () => {
    const { engine, rec } = makeEngine({ 'r.sec': swt('d', 10, 3) });
    feed(engine, ['fail a'], T);
    feed(engine, ['fail a'], T + 6);
    // 13 - 0 > 10: time 0 is dropped, start = 6, then 13 is counted: 2 of 3.
    feed(engine, ['fail a'], T + 13);
    expect(engine.getwpos('r.sec', 0, 'd')).toBe(T + 6);
    expect(rec.stdout).toEqual([]);
    feed(engine, ['fail a'], T + 16);
    expect(rec.stdout).toEqual(['alert d']);
  });

  it('RT-swt-slide: at cleanup the start moves to the oldest time inside the window', () => {
    const { engine, rec } = makeEngine({ 'r.sec': swt('d', 10, 3, 'action2=write - end %s') });
    feed(engine, ['fail a'], T);
    feed(engine, ['fail a'], T + 4);
    engine.cleanup(T + 10);
    expect(engine.getwpos('r.sec', 0, 'd')).toBe(T);
    engine.cleanup(T + 11);
    expect(engine.getwpos('r.sec', 0, 'd')).toBe(T + 4);
    feed(engine, ['fail a'], T + 13);
    expect(rec.stdout).toEqual([]);
    feed(engine, ['fail a'], T + 14);
    expect(rec.stdout).toEqual(['alert d']);
  });

  it('RT-swt-slide: when no time remains the operation ends silently (no action2 before action)', () => {
    const { engine, rec } = makeEngine({ 'r.sec': swt('d', 10, 3, 'action2=write - end %s') });
    feed(engine, ['fail a', 'fail a'], T);
    engine.cleanup(T + 11);
    expect(engine.operations.get(operationKey('r.sec', 0, 'd'))).toBeUndefined();
    expect(rec.stdout).toEqual([]);
  });

  it('RT-swt-slide: a suppressed operation runs action2 with %s = desc at the first cleanup after the window', () => {
    const { engine, rec } = makeEngine({ 'r.sec': swt('user $1', 5, 1, 'action2=write - end %s') });
    feed(engine, ['fail a'], T);
    engine.cleanup(T + 5);
    expect(rec.stdout).toEqual(['alert user a']);
    engine.cleanup(T + 6);
    expect(rec.stdout).toEqual(['alert user a', 'end user a']);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-freeze: action and action2 keep the values of the event that created the operation', () => {
    const rules = swt('d', 60, 3).replace(
      'action=write - alert %s',
      'action=write - first $1\naction2=write - bye $1',
    );
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['fail root', 'fail risto', 'fail oracle'], T);
    engine.cleanup(T + 61);
    expect(rec.stdout).toEqual(['first root', 'bye root']);
  });

  it('ACT-setwpos while counting: drops older times, start = TIME, silent delete when none remain', () => {
    const mover = 'type=Single\nptype=RegExp\npattern=move (\\d+)\ndesc=m\naction=setwpos $1 -1 d\n';
    const { engine, rec } = makeEngine({ 'r.sec': `${swt('d', 10, 3, 'action2=write - end')}\n${mover}` });
    feed(engine, ['fail a'], T);
    feed(engine, ['fail a'], T + 3);
    feed(engine, [`move ${T + 2}`], T + 5);
    // start = TIME exactly (not the oldest remaining time 3); time 0 is gone.
    expect(engine.getwpos('r.sec', 0, 'd')).toBe(T + 2);
    feed(engine, ['fail a'], T + 6);
    expect(rec.stdout).toEqual([]);
    feed(engine, [`move ${T + 6}`], T + 7);
    expect(engine.getwpos('r.sec', 0, 'd')).toBe(T + 6);
    feed(engine, [`move ${T + 7}`], T + 7);
    expect(engine.getwpos('r.sec', 0, 'd')).toBeUndefined();
    expect(rec.stdout).toEqual([]);
  });

  it('ACT-setwpos on a suppressed operation moves only the start, which delays action2', () => {
    const mover = 'type=Single\nptype=RegExp\npattern=move (\\d+)\ndesc=m\naction=setwpos $1 -1 d\n';
    const { engine, rec } = makeEngine({ 'r.sec': `${swt('d', 10, 2, 'action2=write - end')}\n${mover}` });
    feed(engine, ['fail a', 'fail a'], T);
    feed(engine, [`move ${T + 8}`], T + 8);
    expect(engine.getwpos('r.sec', 0, 'd')).toBe(T + 8);
    engine.cleanup(T + 18);
    feed(engine, ['fail a'], T + 18);
    expect(rec.stdout).toEqual(['alert d']);
    engine.cleanup(T + 19);
    expect(rec.stdout).toEqual(['alert d', 'end']);
  });

  it('ACT-reset: the engine kills the operation silently; the next event starts a new count', () => {
    const reset = 'type=Single\nptype=SubStr\npattern=ok\ndesc=r\naction=reset -1 d\n';
    const { engine, rec } = makeEngine({ 'r.sec': `${swt('d', 60, 2, 'action2=write - end')}\n${reset}` });
    feed(engine, ['fail a', 'fail a', 'ok'], T);
    expect(engine.operations.size).toBe(0);
    feed(engine, ['fail a'], T + 1);
    engine.cleanup(T + 100);
    expect(rec.stdout).toEqual(['alert d']);
    feed(engine, ['fail a'], T + 101);
    feed(engine, ['fail a'], T + 102);
    expect(rec.stdout).toEqual(['alert d', 'alert d']);
  });
});
