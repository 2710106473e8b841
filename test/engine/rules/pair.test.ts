import { describe, expect, it } from 'vitest';
import { feed, makeEngine } from '../../support/engine-harness.js';

const T0 = 1_700_000_000;

/** A Pair rule; `extra` lines are appended (window, context2, continue2, ...). */
function pairRule(f: {
  pattern: string;
  pattern2: string;
  action?: string;
  action2?: string;
  desc?: string;
  desc2?: string;
  ptype?: string;
  ptype2?: string;
  extra?: string;
}): string {
  return [
    'type=Pair',
    `ptype=${f.ptype ?? 'RegExp'}`,
    `pattern=${f.pattern}`,
    `desc=${f.desc ?? 'op $1'}`,
    `action=${f.action ?? 'write - start %s'}`,
    `ptype2=${f.ptype2 ?? 'RegExp'}`,
    `pattern2=${f.pattern2}`,
    `desc2=${f.desc2 ?? 'end %1'}`,
    `action2=${f.action2 ?? 'write - %s'}`,
    f.extra ?? '',
    '',
  ].join('\n');
}

const single = (pattern: string, action: string): string =>
  `type=Single\nptype=RegExp\npattern=${pattern}\ndesc=s\naction=${action}\n`;

describe('Pair rules (sec-features RT-pair-*)', () => {
  it('RT-pair-start: the first pattern1 match runs action; repeats are swallowed and do not restart the window', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1', extra: 'window=10' }),
    });
    feed(engine, ['down a', 'down b'], T0);
    feed(engine, ['down a'], T0 + 8);
    expect(rec.stdout).toEqual(['start op a', 'start op b']);
    expect(engine.operations.size).toBe(2);
    // The window still starts at T0: at T0 + 11 the uncollected operation is replaced, action again.
    feed(engine, ['down a'], T0 + 11);
    expect(rec.stdout).toEqual(['start op a', 'start op b', 'start op a']);
    expect(engine.getwpos('p.sec', 0, 'op a')).toBe(T0 + 11);
    expect(engine.getwpos('p.sec', 0, 'op b')).toBe(T0);
  });

  it('RT-pair-close: the manual "database ... up" example, one event closing two operations', () => {
    const rules =
      'type=Suppress\nptype=SubStr\npattern=test\n\n' +
      pairRule({
        pattern: 'database (\\S+) down',
        desc: 'Database $1 is down',
        action: 'write - open %s',
        pattern2: 'database $1 up|all databases up',
        desc2: 'Database %1 is up',
        extra: 'window=86400',
      });
    const { engine, rec } = makeEngine({ 'my2.conf': rules });
    feed(engine, ['database mydb1 down', 'database mydb2 down', 'database mydb3 down'], T0);
    expect(engine.getwpos('my2.conf', 1, 'Database mydb2 is down')).toBe(T0);
    expect(rec.stdout).toEqual([
      'open Database mydb1 is down',
      'open Database mydb2 is down',
      'open Database mydb3 is down',
    ]);
    feed(engine, ['database test up', 'admin logged in', 'database mydb3 up'], T0 + 600);
    expect(rec.stdout.slice(3)).toEqual(['Database mydb3 is up']);
    expect(engine.operations.size).toBe(2);
    feed(engine, ['all databases up'], T0 + 600);
    // RT-pair-close: the order of several closing operations is Perl hash order (unspecified).
    expect(rec.stdout.slice(4).sort()).toEqual(['Database mydb1 is up', 'Database mydb2 is up']);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-pair-close: an event that matches pattern1 is never tested against pattern2', () => {
    // pattern2 `^x $1` matches the opening event itself, but it must not close its own operation.
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({ pattern: '^x (\\S+)', pattern2: '^x $1', desc2: 'closed %1' }),
    });
    feed(engine, ['x a', 'x a'], T0);
    expect(rec.stdout).toEqual(['start op a']);
    feed(engine, ['x a more'], T0 + 1);
    expect(rec.stdout).toEqual(['start op a']);
    expect(engine.operations.size).toBe(1);
  });

  it('RT-window-incl + RT-pair-window: pattern2 exactly W seconds after the start still closes', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1', extra: 'window=10' }),
    });
    feed(engine, ['down a'], T0);
    engine.cleanup(T0 + 10);
    feed(engine, ['up a'], T0 + 10);
    expect(rec.stdout).toEqual(['start op a', 'end a']);
  });

  it('RT-pair-window + RT-expiry-where: after the window but before cleanup, pattern2 deletes without action2 and continue2 does not apply', () => {
    const rules =
      pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1', extra: 'window=10' }) +
      '\n' +
      single('^up', 'write - next rule saw $0');
    const { engine, rec } = makeEngine({ 'p.sec': rules });
    feed(engine, ['down a', 'down b'], T0);
    // Within the window the default continue2=DontCont hides the event from the next rule.
    feed(engine, ['up b'], T0 + 5);
    expect(rec.stdout).toEqual(['start op a', 'start op b', 'end b']);
    feed(engine, ['up a'], T0 + 11);
    expect(rec.stdout.slice(3)).toEqual(['next rule saw up a']);
    expect(engine.operations.size).toBe(0);
    feed(engine, ['up a'], T0 + 12);
    expect(rec.stdout.slice(4)).toEqual(['next rule saw up a']);
  });

  it('RT-pair-window: cleanup drops an expired operation silently; window 0 lives until closed', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1', extra: 'window=10' }),
      'z.sec': pairRule({ pattern: '^zdown (\\S+)', pattern2: '^zup $1' }),
    });
    feed(engine, ['down a', 'zdown a'], T0);
    engine.cleanup(T0 + 10);
    expect(engine.operations.size).toBe(2);
    engine.cleanup(T0 + 11);
    expect(engine.operations.size).toBe(1);
    engine.cleanup(T0 + 1_000_000);
    feed(engine, ['up a', 'zup a'], T0 + 1_000_000);
    expect(rec.stdout).toEqual(['start op a', 'start op a', 'end a']);
    expect(engine.operations.size).toBe(0);
  });

  it('PT-pair2-regexp: pattern1 values go into pattern2 quoted with quotemeta (manual box.test example)', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({
        pattern: '^(\\S+) (\\S+) down',
        desc: '$2 down since $1',
        action: 'write - %s',
        pattern2: '^(\\S+) server $2 OK',
        desc2: 'Server %2 was not accessible from %1 to $1',
      }),
    });
    feed(engine, ['T1 box.test down', 'T2 server boxXtest OK', 'T3 server box.test OK'], T0);
    expect(rec.stdout).toEqual([
      'box.test down since T1',
      'Server box.test was not accessible from T1 to T3',
    ]);
  });

  it('PT-pair2-regexp + RT-pair-start: an invalid pattern2 is logged, and neither the operation nor action happens', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({ pattern: '^open (\\S+)', pattern2: '^close ($1' }),
    });
    feed(engine, ['open a', 'close (a'], T0);
    expect(rec.stdout).toEqual([]);
    expect(engine.operations.size).toBe(0);
    const logs = rec.logs.join('\n');
    expect(logs).toContain("invalid regular expression '^close (a' for Pair rule");
    expect(logs).toContain("Can't start Pair event correlation operation with the key 'p.sec | 0 | op a'");
  });

  it('PT-pair2-substr: a SubStr pattern2 gets pattern1 values raw, and $-values in desc2/action2 at creation', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({
        pattern: '^down (\\S+)',
        pattern2: 'up $1!',
        ptype2: 'SubStr',
        desc2: '$1 back',
        action2: 'write - %s $1 $0',
      }),
    });
    feed(engine, ['down a.b', 'up aXb!', 'host up a.b! now'], T0);
    expect(rec.stdout).toEqual(['start op a.b', 'a.b back a.b down a.b']);
  });

  it('VAR-shadow + VAR-pct3: %N is pattern1, $N is pattern2; $ and % inside values stay literal', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({
        pattern: '^open (\\S+)',
        action: 'write - start $1 s%%t',
        pattern2: '^close $1 (\\S+)',
        desc2: 'd2 %1 $1 %%1 $$1',
        action2: 'write - closed %s s%%%t %1 $1 %%%s',
      }),
    });
    // Expected output recorded from SEC 2.9.1 for the same rule and input.
    feed(engine, ['open a$1%x', 'close a$1%x y$z'], T0);
    expect(rec.stdout).toEqual(['start a$1%x s%t', 'closed d2 a$1%x y$z %1 $1 s%t a$1%x y$z %s']);
  });

  it('VAR-shadow: when pattern1 produced no variables, %1 reaches the output literally', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({
        pattern: 'open',
        ptype: 'SubStr',
        desc: 'the op',
        pattern2: '^close (\\S+)',
        desc2: '%1 $1',
        action2: 'write - %s',
      }),
    });
    feed(engine, ['open', 'close x'], T0);
    expect(rec.stdout).toEqual(['start the op', '%1 x']);
  });

  it('VAR-shadow: a TValue pattern2 takes pattern1 values through $ at creation (context2, desc2, action2)', () => {
    const rules =
      single('^allow (\\S+)', 'create OK_$1') +
      '\n' +
      pairRule({
        pattern: '^down (\\S+)',
        ptype2: 'TValue',
        pattern2: 'TRUE',
        desc2: '$1 done %1',
        action2: 'write - %s $0',
        extra: 'context2=OK_$1',
      });
    const { engine, rec } = makeEngine({ 'p.sec': rules });
    // Expected output recorded from SEC 2.9.1 for the same rule and input.
    feed(engine, ['down a', 'foo', 'allow a', 'bar', 'baz'], T0);
    expect(rec.stdout).toEqual(['start op a', 'a done %1 down a']);
  });

  it('RT-freeze: action keeps the creating event values; action2/desc2 get the closing event values', () => {
    const { engine, rec } = makeEngine({
      'p.sec': pairRule({
        pattern: '^down (\\S+) (\\S+)',
        action: 'write - start $1 $2',
        desc: 'op $1',
        pattern2: '^up $1 (\\S+)',
        desc2: '$1',
        action2: 'write - %s $1 %2',
      }),
    });
    feed(engine, ['down a first', 'down a second'], T0);
    feed(engine, ['up a late'], T0 + 3);
    expect(rec.stdout).toEqual(['start a first', 'late late first']);
  });

  it('CF-continue: continue2 applies only when an operation consumed the event through pattern2', () => {
    const rules =
      pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1', extra: 'continue2=TakeNext' }) +
      '\n' +
      single('^(up|down)', 'write - next $0');
    const { engine, rec } = makeEngine({ 'p.sec': rules });
    feed(engine, ['down a', 'up a', 'up a'], T0);
    // The pattern1 match uses continue (DontCont); the close uses continue2; the unmatched 'up a' falls through.
    expect(rec.stdout).toEqual(['start op a', 'end a', 'next up a', 'next up a']);
  });

  it('RT-pair-close + CX-preeval: context2 gets %N at creation; [..] is checked before pattern2', () => {
    const rules =
      single('^allow (\\S+)', 'create OK_$1') +
      '\n' +
      pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1', extra: 'context2=OK_%1' }) +
      '\n' +
      pairRule({
        pattern: '^pdown (\\S+)',
        pattern2: '^pup $1',
        extra: 'context2=[ OK_%1 ]',
        desc: 'p $1',
      });
    const { engine, rec } = makeEngine({ 'p.sec': rules });
    feed(engine, ['down a', 'pdown a', 'up a', 'pup a'], T0);
    expect(rec.stdout).toEqual(['start op a', 'start p a']);
    feed(engine, ['allow a', 'up a', 'pup a'], T0 + 1);
    expect(rec.stdout.slice(2)).toEqual(['end a', 'end a']);
  });

  it('RT-pair-close: a context2 with $N uses the closing event values', () => {
    const rules =
      single('^allow (\\S+)', 'create OK_$1') +
      '\n' +
      pairRule({ pattern: '^down (\\S+)', pattern2: '^up $1 by (\\S+)', extra: 'context2=OK_$1' });
    const { engine, rec } = makeEngine({ 'p.sec': rules });
    feed(engine, ['allow bob', 'down a', 'up a by eve', 'up a by bob'], T0);
    expect(rec.stdout).toEqual(['start op a', 'end a']);
  });
});
