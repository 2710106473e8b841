import { describe, expect, it } from 'vitest';
import { feed, makeEngine } from '../../support/engine-harness.js';

const T0 = 1_700_000_000;

function pww(f: {
  pattern: string;
  pattern2: string;
  window: number;
  desc?: string;
  action?: string;
  desc2?: string;
  action2?: string;
  extra?: string;
}): string {
  return [
    'type=PairWithWindow',
    'ptype=RegExp',
    `pattern=${f.pattern}`,
    `desc=${f.desc ?? 'timeout $1'}`,
    `action=${f.action ?? 'write - %s'}`,
    'ptype2=RegExp',
    `pattern2=${f.pattern2}`,
    `desc2=${f.desc2 ?? 'paired %1'}`,
    `action2=${f.action2 ?? 'write - %s'}`,
    `window=${f.window}`,
    f.extra ?? '',
    '',
  ].join('\n');
}

const single = (pattern: string, action: string): string =>
  `type=Single\nptype=RegExp\npattern=${pattern}\ndesc=s\naction=${action}\n`;

describe('PairWithWindow rules (sec-features RT-pww)', () => {
  it('RT-pww: pattern1 creates the operation silently; pattern2 runs action2 with %s = desc2', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pww({ pattern: '^down (\\S+)', pattern2: '^up $1', window: 30 }),
    });
    feed(engine, ['down a'], T0);
    expect(rec.stdout).toEqual([]);
    expect(engine.operations.size).toBe(1);
    feed(engine, ['up b', 'up a'], T0 + 5);
    expect(rec.stdout).toEqual(['paired a']);
    expect(engine.operations.size).toBe(0);
    engine.cleanup(T0 + 100);
    expect(rec.stdout).toEqual(['paired a']);
  });

  it('RT-pww + RT-window-incl: without pattern2 the timeout action runs at the first cleanup after the window (manual SSH timeline)', () => {
    const rule = pww({
      pattern: 'sshd\\[\\d+\\]: Failed .+ for (\\S+) from ([\\d.]+) port \\d+ ssh2',
      desc: 'User $1 has been unable to log in from $2 over SSH during 1 minute',
      pattern2: 'sshd\\[\\d+\\]: Accepted .+ for $1 from $2 port \\d+ ssh2',
      desc2: 'SSH login successful for %1 from %2 after initial failure',
      window: 60,
    });
    const { engine, rec } = makeEngine({ 'ssh.sec': rule });
    const at = (hms: string): number => {
      const [h, m, s] = hms.split(':').map(Number);
      return T0 + (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
    };
    const line = (pid: number, what: string, user: string, ip: string, port: number): string =>
      `Dec 30 test sshd[${pid}]: ${what} password for ${user} from ${ip} port ${port} ssh2`;
    const step = (hms: string, lines: string[]): void => {
      engine.cleanup(at(hms));
      feed(engine, lines, at(hms));
    };
    step('13:02:01', [line(30517, 'Failed', 'risto', '10.1.2.7', 42172)]);
    step('13:02:30', [line(30810, 'Failed', 'root', '192.168.1.104', 46125)]);
    step('13:02:37', [line(30517, 'Failed', 'risto', '10.1.2.7', 42172)]);
    step('13:02:59', [line(30810, 'Failed', 'root', '192.168.1.104', 46125)]);
    // "The first operation will run until 13:03:01 and then expire".
    step('13:03:01', []);
    expect(rec.stdout).toEqual([]);
    step('13:03:02', []);
    expect(rec.stdout).toEqual([
      'User risto has been unable to log in from 10.1.2.7 over SSH during 1 minute',
    ]);
    step('13:03:04', [line(30810, 'Accepted', 'root', '192.168.1.104', 46125)]);
    expect(rec.stdout.slice(1)).toEqual([
      'SSH login successful for root from 192.168.1.104 after initial failure',
    ]);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-pww: repeated pattern1 events are swallowed and do not restart the window', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pww({ pattern: '^down (\\S+)', pattern2: '^up $1', window: 10, action: 'write - %s at $2' }),
    });
    feed(engine, ['down a'], T0);
    feed(engine, ['down a'], T0 + 9);
    engine.cleanup(T0 + 11);
    expect(rec.stdout).toEqual(['timeout a at ']);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-pww: an expired operation not yet collected still runs action2, and the timeout never runs', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pww({ pattern: '^down (\\S+)', pattern2: '^up $1', window: 10 }),
    });
    feed(engine, ['down a'], T0);
    feed(engine, ['up a'], T0 + 50);
    engine.cleanup(T0 + 51);
    expect(rec.stdout).toEqual(['paired a']);
  });

  it('RT-expiry-where: a pattern1 event for an expired key runs the timeout action first, then opens a new operation', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pww({
        pattern: '^down (\\S+) (\\S+)',
        pattern2: '^up $1',
        window: 10,
        action: 'write - %s $2',
      }),
    });
    feed(engine, ['down a first'], T0);
    feed(engine, ['down a second'], T0 + 11);
    expect(rec.stdout).toEqual(['timeout a first']);
    expect(engine.getwpos('w.sec', 0, 'timeout a')).toBe(T0 + 11);
    engine.cleanup(T0 + 21);
    expect(rec.stdout).toEqual(['timeout a first']);
    engine.cleanup(T0 + 22);
    expect(rec.stdout).toEqual(['timeout a first', 'timeout a second']);
  });

  it('RT-pair-close for PWW: an event matching pattern1 is never tested against pattern2', () => {
    // pattern2 `x $1` matches the opening event too, but only events outside pattern1 may close.
    const { engine, rec } = makeEngine({
      'w.sec': pww({ pattern: '^x (\\S+)$', pattern2: 'x $1', window: 10 }),
    });
    feed(engine, ['x a', 'x a'], T0);
    feed(engine, ['x a'], T0 + 1);
    expect(rec.stdout).toEqual([]);
    expect(engine.operations.size).toBe(1);
    feed(engine, ['say x a'], T0 + 2);
    expect(rec.stdout).toEqual(['paired a']);
    expect(engine.operations.size).toBe(0);
  });

  it('RT-freeze + VAR-shadow: the timeout action keeps the creating values; action2 gets %N and the closing $N', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pww({
        pattern: '^down (\\S+) (\\S+)',
        action: 'write - %s $2',
        pattern2: '^up $1 (\\S+)',
        desc2: '%2 to $1',
        window: 10,
      }),
    });
    feed(engine, ['down a x', 'down b y', 'down a z'], T0);
    feed(engine, ['up a w'], T0 + 3);
    engine.cleanup(T0 + 11);
    expect(rec.stdout).toEqual(['x to w', 'timeout b y']);
  });

  it('PT-pair2-regexp: an invalid pattern2 after substitution creates no operation', () => {
    const { engine, rec } = makeEngine({
      'w.sec': pww({ pattern: '^open (\\S+)', pattern2: '^close ($1', window: 10 }),
    });
    feed(engine, ['open a'], T0);
    engine.cleanup(T0 + 20);
    expect(rec.stdout).toEqual([]);
    expect(engine.operations.size).toBe(0);
    expect(rec.logs.join('\n')).toContain('for PairWithWindow rule');
  });

  it('CF-continue: continue2 applies only when an operation consumed the event through pattern2', () => {
    const rules =
      pww({ pattern: '^down (\\S+)', pattern2: '^up $1', window: 10, extra: 'continue2=TakeNext' }) +
      '\n' +
      pww({ pattern: '^xdown (\\S+)', pattern2: '^up $1', window: 10, desc2: 'dontcont %1' }) +
      '\n' +
      single('^up', 'write - next $0');
    const { engine, rec } = makeEngine({ 'w.sec': rules });
    feed(engine, ['down a', 'xdown a', 'up a', 'up a'], T0);
    expect(rec.stdout).toEqual(['paired a', 'dontcont a', 'next up a']);
  });
});
