import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { operationKey } from '../../../src/engine/operations.js';
import { isEventGroup } from '../../../src/engine/rules/event-group-window.js';
import { feed, makeEngine } from '../../support/engine-harness.js';

/** A timeline entry: the line arrives at second `t`. */
type Step = readonly [t: number, line: string];

/**
 * SEC's loop with --cleantime=1, from second `from` to `until`: the lines of each second first,
 * then the cleanup pass of that second (TM-cleanup).
 */
function drive(engine: Engine, steps: readonly Step[], until: number, from = 0): void {
  for (let s = from; s <= until; s++) {
    feed(
      engine,
      steps.filter(([t]) => t === s).map(([, line]) => line),
      s,
    );
    engine.cleanup(s);
  }
}

/** Stdout lines with the second they were written at (like golden expected.timed). */
function timed(rules: string, steps: readonly Step[], until: number): string[] {
  const { engine, rec } = makeEngine({ 'r.sec': rules });
  const out: string[] = [];
  let seen = 0;
  for (let s = 0; s <= until; s++) {
    drive(engine, steps, s, s);
    for (const line of rec.stdout.slice(seen)) out.push(`${s} ${line}`);
    seen = rec.stdout.length;
  }
  return out;
}

/** The live EventGroup operation for rule 0 of r.sec with this desc. */
function opOf(engine: Engine, desc: string, rule = 0) {
  const op = engine.operations.get(operationKey('r.sec', rule, desc));
  return isEventGroup(op) ? op : undefined;
}

const MANUAL_AB = `type=EventGroup2
ptype=SubStr
pattern=EVENT_A
thresh=2
ptype2=SubStr
pattern2=EVENT_B
thresh2=2
desc=Sequence of two or more As and Bs observed within 60 seconds
action=write - %s
window=60
`;

// man sec, EVENTGROUP RULE: 12:03:01 is second 0.
const MANUAL_AB_EVENTS: Step[] = [
  [0, 'EVENT_A'],
  [3, 'EVENT_B'],
  [9, 'EVENT_A'],
  [10, 'EVENT_A'],
  [26, 'EVENT_B'],
  [45, 'EVENT_A'],
  [58, 'EVENT_A'],
];

describe('EventGroup (RT-eg-*)', () => {
  it('RT-eg-match: the first member whose pattern and context match wins; its continue applies', () => {
    const rules = `type=EventGroup3
ptype=RegExp
pattern=^(\\w+) x
context=!OFF
count=write - m1 $1
continue=TakeNext
ptype2=RegExp
pattern2=^(\\w+)
count2=write - m2 $1
ptype3=SubStr
pattern3=x
count3=write - m3
desc=group
action=none
window=60

type=Single
ptype=SubStr
pattern=x
desc=after
action=write - next rule saw it
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['a x'], 0);
    // Member 1 matched (not 2 or 3, though they match too); continue=TakeNext reached rule 2.
    expect(rec.stdout).toEqual(['m1 a', 'next rule saw it']);
    engine.contexts.create('OFF', 0, null, '', 0);
    feed(engine, ['b x'], 1);
    // Context of member 1 false: member 2 wins, with its default continue=DontCont.
    expect(rec.stdout.slice(2)).toEqual(['m2 b']);
    expect(opOf(engine, 'group')?.counts).toEqual([1, 1, 0]);
  });

  it('RT-eg-create: init runs once, right after creation, with %s = desc and the creating values', () => {
    const rules = `type=EventGroup
ptype=RegExp
pattern=^go (\\w+)
thresh=3
desc=op $1
init=write - init %s by $1
count=write - count $1
action=write - fired
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['go a', 'go a', 'go b'], 0);
    expect(rec.stdout).toEqual(['init op a by a', 'count a', 'count a', 'init op b by b', 'count b']);
  });

  it('RT-eg-create: an init that ends the operation (reset 0) drops the event: no count, no action', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
desc=op
init=write - init; reset 0 %s
count=write - count
action=write - fired
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['go', 'go'], 0);
    expect(rec.stdout).toEqual(['init', 'init']);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-eg-record: count runs for every event, also when suppressed, with the current values', () => {
    const rules = `type=EventGroup
ptype=RegExp
pattern=^ev (\\w+)
count=write - count $1
thresh=2
desc=op
action=write - fired
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['ev a', 'ev b', 'ev c', 'ev d'], 0);
    expect(rec.stdout).toEqual(['count a', 'count b', 'fired', 'count c', 'count d']);
    // Suppressed: c and d were counted but not recorded.
    expect(opOf(engine, 'op')?.events.length).toBe(2);
  });

  it('RT-eg-record: the event is recorded before count runs (count sees it in the window)', () => {
    // count moves the window start to the event's own time: the previous event is dropped, the
    // current one stays, so the operation lives on and `end` does not run.
    const rules = `type=EventGroup
ptype=RegExp
pattern=^at (\\d+)
count=setwpos $1 0 %s
thresh=3
desc=op
action=write - fired
end=write - end
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['at 0'], 0);
    feed(engine, ['at 5'], 5);
    expect(rec.stdout).toEqual([]);
    const op = opOf(engine, 'op');
    expect(op?.start).toBe(5);
    expect(op?.events.map((e) => e.time)).toEqual([5]);
  });

  it('RT-eg-record: a count list that ends the operation stops processing (no action)', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
count=reset 0 %s
desc=op
action=write - fired
end=write - end
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['go'], 0);
    expect(rec.stdout).toEqual([]);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-eg-fire: man sec timeline, multact=no fires at 12:03:27 and runs until 12:04:01', () => {
    const rules = `${MANUAL_AB}end=write - end\n`;
    const out = timed(rules, MANUAL_AB_EVENTS, 130);
    expect(out).toEqual([
      '26 Sequence of two or more As and Bs observed within 60 seconds',
      // 12:04:01 is second 60, the last second inside the window; the op ends at the next pass.
      '61 end',
    ]);
  });

  it('RT-eg-fire: man sec timeline, multact=yes fires on every later event and runs until 12:04:59', () => {
    const rules = `${MANUAL_AB}multact=yes\nslide=write - slide\nend=write - end\n`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    drive(engine, MANUAL_AB_EVENTS, 118);
    const desc = 'Sequence of two or more As and Bs observed within 60 seconds';
    expect(rec.stdout.filter((l) => l === desc)).toHaveLength(3);
    // 12:04:59 (second 118) is 60 s after the last event at 12:03:59: still alive.
    expect(opOf(engine, desc)?.events.map((e) => e.time)).toEqual([58]);
    expect(rec.stdout).not.toContain('end');
    engine.cleanup(119);
    expect(rec.stdout.at(-1)).toBe('end');
    expect(engine.operations.size).toBe(0);
  });

  it('RT-eg-fire: thresholds are checked only on events, never when the window slides', () => {
    const rules = `type=EventGroup2
ptype=SubStr
pattern=A
thresh=2
ptype2=SubStr
pattern2=B
thresh2=1
desc=op
action=write - fired
slide=write - slide
window=10
`;
    // A A at 0 and 5, B at 12: by then the A at 0 has slid out, so no alert.
    const out = timed(
      rules,
      [
        [0, 'A'],
        [5, 'A'],
        [12, 'B'],
      ],
      20,
    );
    expect(out).toEqual(['11 slide', '16 slide']);
  });

  it('RT-eg-slide: drop old events, `slide` while some remain, `end` and delete when none do', () => {
    // Golden t-eventgroup-slide-end (recorded from SEC 2.9.1).
    const rules = `type=EventGroup2
ptype=SubStr
pattern=A
thresh=2
ptype2=SubStr
pattern2=B
desc=AB
action=write - fired
init=write - init
slide=write - slide
end=write - end
window=2
`;
    const out = timed(
      rules,
      [
        [0, 'A'],
        [1, 'B'],
        [4, 'A'],
        [5, 'A'],
      ],
      10,
    );
    expect(out).toEqual(['0 init', '3 slide', '4 end', '4 init', '7 slide', '8 end']);
  });

  it('RT-eg-slide: the window restarts at the oldest remaining event (man sec: 01:12:52)', () => {
    const rules = `type=EventGroup3
ptype=SubStr
pattern=sshd
thresh=2
ptype2=SubStr
pattern2=apache
thresh2=3
ptype3=SubStr
pattern3=iptables
thresh3=5
desc=probe
action=write - alert
end=write - end
window=120
`;
    // 01:11:22 is second 0.
    const steps: Step[] = [
      [0, 'apache'],
      ...[90, 91, 99, 100, 106, 107].map((t): Step => [t, 'iptables']),
      ...[149, 152, 158, 161, 161].map((t): Step => [t, 'apache']),
      ...[169, 170, 176, 177].map((t): Step => [t, 'sshd']),
      [192, 'apache'],
    ];
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    drive(engine, steps, 121);
    // 01:13:23: the window moved to 01:12:52 (second 90), only the first apache event left it.
    expect(opOf(engine, 'probe')?.start).toBe(90);
    expect(opOf(engine, 'probe')?.counts).toEqual([0, 0, 6]);
    drive(engine, steps, 210, 122);
    // One alert at 01:14:12 (second 170), then silence until 01:14:52 (second 210), then end.
    expect(rec.stdout).toEqual(['alert']);
    engine.cleanup(211);
    expect(rec.stdout).toEqual(['alert', 'end']);
  });

  it('RT-eg-slide: a suppressed operation ends at the window end without sliding', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
desc=op
action=write - fired
slide=write - slide
end=write - end
window=5
`;
    const out = timed(
      rules,
      [
        [0, 'go'],
        [4, 'go'],
      ],
      12,
    );
    expect(out).toEqual(['0 fired', '6 end']);
  });

  it('RT-eg-slide: `end` does not run when the operation is killed by reset', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
thresh=5
desc=op
end=write - end
action=none
window=5

type=Single
ptype=SubStr
pattern=kill
desc=k
action=reset -1 op
`;
    const out = timed(
      rules,
      [
        [0, 'go'],
        [2, 'kill'],
      ],
      12,
    );
    expect(out).toEqual([]);
  });

  it('RT-eg-egpattern: man sec example, "2 2 1 1" does not match "1 2$", "2 2 1 1 2" does', () => {
    const rules = `type=EventGroup2
ptype=SubStr
pattern=EVENT_A
thresh=2
ptype2=SubStr
pattern2=EVENT_B
thresh2=2
desc=Sequence of two or more As and Bs with 'A B' at the end
action=write - %s
egptype=RegExp
egpattern=1 2$
window=60
`;
    const out = timed(
      rules,
      [
        [0, 'EVENT_B'],
        [1, 'EVENT_B'],
        [7, 'EVENT_A'],
        [8, 'EVENT_A'],
        [11, 'EVENT_B'],
      ],
      11,
    );
    expect(out).toEqual(["11 Sequence of two or more As and Bs with 'A B' at the end"]);
  });

  it('RT-eg-egpattern: egtoken is substituted per event; the group string joins tokens with spaces', () => {
    const rules = `type=EventGroup2
ptype=RegExp
pattern=^fail (\\w+) from (\\S+)
egtoken=$2
ptype2=SubStr
pattern2=marker
thresh=1
egptype=NSubStr
egpattern=10.0.0.1 10.0.0.1
desc=user
action=write - fired at $2
multact=yes
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['fail u from 10.0.0.1', 'fail u from 10.0.0.2', 'marker', 'fail u from 10.0.0.1'], 0);
    expect(opOf(engine, 'user')?.events.map((e) => e.token)).toEqual([
      '10.0.0.1',
      '10.0.0.2',
      '2',
      '10.0.0.1',
    ]);
    // NSubStr: fires while the string lacks "10.0.0.1 10.0.0.1"; the action keeps the creating $2.
    // Thresholds hold from 'marker' on ("10.0.0.1 10.0.0.2 2" and "... 2 10.0.0.1" both fire).
    expect(rec.stdout).toEqual(['fired at 10.0.0.1', 'fired at 10.0.0.1']);
    feed(engine, ['fail u from 10.0.0.1'], 1);
    // "... 2 10.0.0.1 10.0.0.1" contains the substring: no more alerts.
    expect(rec.stdout).toHaveLength(2);
  });

  it('ACT-setwpos: drops older events, runs `end` (not `slide`) and deletes when none remain', () => {
    const rules = `type=EventGroup2
ptype=SubStr
pattern=A
thresh=3
ptype2=RegExp
pattern2=^move (\\d+)
count2=setwpos $1 0 %s
thresh2=5
desc=op
action=write - fired
slide=write - slide
end=write - end
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['A'], 0);
    feed(engine, ['A'], 10);
    feed(engine, ['move 5'], 20);
    const op = opOf(engine, 'op');
    expect(op?.start).toBe(5);
    expect(op?.events.map((e) => e.time)).toEqual([10, 20]);
    expect(op?.counts).toEqual([1, 1]);
    feed(engine, ['move 30'], 30);
    // Events before the new start are dropped; the current one (time 30) stays.
    expect(opOf(engine, 'op')?.events.map((e) => e.time)).toEqual([30]);
    feed(engine, ['A'], 40);
    // Past every event, through the engine port as the action would.
    engine.setwpos('r.sec', 0, 'op', 41, 41);
    expect(rec.stdout).toEqual(['end']);
    expect(engine.operations.size).toBe(0);
  });

  it('ACT-setwpos: a suppressed operation only moves its window start', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
count=setwpos %u 0 %s
desc=op
action=write - fired
end=write - end
window=10
`;
    const out = timed(
      rules,
      [
        [0, 'go'],
        [5, 'go'],
      ],
      20,
    );
    // Without the move the window would end at 10 (end at 11); it now starts at 5.
    expect(out).toEqual(['0 fired', '16 end']);
  });

  it('ACT-setwpos: refused while the operation is terminating (end runs once)', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
thresh=2
desc=op
action=none
end=write - end; setwpos %u 0 %s
window=3
`;
    const out = timed(rules, [[0, 'go']], 8);
    expect(out).toEqual(['4 end']);
  });

  it('RT-freeze: action, slide and end keep the creating event values; count gets each event', () => {
    const rules = `type=EventGroup
ptype=RegExp
pattern=^hit (\\w+)
count=write - count $1
thresh=2
desc=op
action=write - action $1
slide=write - slide $1
end=write - end $1
window=5
multact=yes
`;
    const out = timed(
      rules,
      [
        [0, 'hit a'],
        [3, 'hit b'],
        [7, 'hit c'],
      ],
      20,
    );
    expect(out).toEqual([
      '0 count a',
      '3 count b',
      '3 action a',
      '6 slide a',
      '7 count c',
      '7 action a',
      '9 slide a',
      '13 end a',
    ]);
  });

  it('RT-expiry-where: a new event for an expired key runs the expiry first, then the new operation', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
thresh=9
desc=op
init=write - init
action=none
end=write - end
window=5
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['go'], 0);
    // No cleanup pass between 0 and 6: the lazy check ends the old operation first.
    feed(engine, ['go'], 6);
    expect(rec.stdout).toEqual(['init', 'end', 'init']);
    expect(opOf(engine, 'op')?.start).toBe(6);
  });

  it('RT-window-incl: an event exactly `window` seconds after the start is still inside', () => {
    const rules = `type=EventGroup
ptype=SubStr
pattern=go
thresh=2
desc=op
action=write - fired
window=5
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    feed(engine, ['go'], 0);
    engine.cleanup(5);
    feed(engine, ['go'], 5);
    expect(rec.stdout).toEqual(['fired']);
  });

  it('EX-intro-chain: SWT feeds synthetic events; the EventGroup counts distinct users once', () => {
    const rules = `type=SingleWithThreshold
ptype=RegExp
pattern=sshd\\[\\d+\\]: Failed .+ for (\\S+) from [\\d.]+ port \\d+ ssh2
desc=Three SSH login failures within 1m for user $1
action=event 3_SSH_LOGIN_FAILURES_FOR_$1
window=60
thresh=3

type=EventGroup
ptype=RegExp
pattern=3_SSH_LOGIN_FAILURES_FOR_(\\S+)
context=!USER_$1_COUNTED && !COUNTING_OFF
count=create USER_$1_COUNTED 60
desc=Repeated SSH login failures for 30 distinct users within 1m
action=write - %s; create COUNTING_OFF 3600
thresh=30
window=60
`;
    const { engine, rec } = makeEngine({ 'r.sec': rules });
    const users = Array.from({ length: 31 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`);
    const fail = (u: string) => `sshd[1]: Failed password for ${u} from 10.0.0.1 port 22 ssh2`;
    for (let round = 0; round < 3; round++) {
      // 29 users at second 0..2; the 30th and 31st only reach 3 failures later.
      feed(engine, users.slice(0, 29).map(fail), round);
    }
    expect(rec.stdout).toEqual([]);
    feed(engine, [fail('user30'), fail('user30'), fail('user30')], 10);
    expect(rec.stdout).toEqual(['Repeated SSH login failures for 30 distinct users within 1m']);
    feed(engine, [fail('user31'), fail('user31'), fail('user31')], 11);
    expect(rec.stdout).toHaveLength(1);
    expect(engine.contexts.exists('COUNTING_OFF')).toBe(true);
  });
});
