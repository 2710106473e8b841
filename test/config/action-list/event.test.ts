import { describe, expect, it } from 'vitest';
import { all, one, problems } from './helpers.js';

describe('synthetic-event actions (ACT-event, ACT-tevent, ACT-cevent)', () => {
  it('ACT-event: a leading all-digit word is the delay, fixed at load as a number', () => {
    expect(one('event 404 not found')).toEqual({ kind: 'event', offset: 0, delay: 404, text: 'not found' });
    expect(one('event 007 x')).toEqual({ kind: 'event', offset: 0, delay: 7, text: 'x' });
    expect(one('event 000')).toEqual({ kind: 'event', offset: 0, delay: 0, text: '%s' });
  });

  it('ACT-event: `event 5` alone is a delay with text %s; no argument is delay 0 and %s', () => {
    expect(one('event 5')).toEqual({ kind: 'event', offset: 0, delay: 5, text: '%s' });
    expect(one('event')).toEqual({ kind: 'event', offset: 0, delay: 0, text: '%s' });
  });

  it('ACT-event: a first word that is not all digits is text', () => {
    expect(all('event 404x; event -5 y; event 1e3; event (12)')).toEqual([
      { kind: 'event', offset: 0, delay: 0, text: '404x' },
      { kind: 'event', offset: 12, delay: 0, text: '-5 y' },
      { kind: 'event', offset: 24, delay: 0, text: '1e3' },
      { kind: 'event', offset: 35, delay: 0, text: '12' },
    ]);
  });

  it('ACT-tevent: the delay stays a string (checked at run time)', () => {
    expect(one('tevent %d retry $1')).toEqual({ kind: 'tevent', offset: 0, delay: '%d', text: 'retry $1' });
    expect(one('tevent abc')).toEqual({ kind: 'tevent', offset: 0, delay: 'abc', text: '%s' });
    expect(problems('tevent')).toEqual([['SYS0304', 0]]);
    expect(problems('tevent () x')).toEqual([['SYS0307', 7]]);
  });

  it('ACT-cevent: context, delay, text', () => {
    expect(one('cevent CTX 0 hello')).toEqual({
      kind: 'cevent',
      offset: 0,
      context: 'CTX',
      delay: '0',
      text: 'hello',
    });
    expect(one('cevent CTX 10')).toEqual({
      kind: 'cevent',
      offset: 0,
      context: 'CTX',
      delay: '10',
      text: '%s',
    });
    expect(problems('cevent CTX')).toEqual([['SYS0304', 0]]);
    expect(problems('cevent () ()')).toEqual([
      ['SYS0307', 7],
      ['SYS0307', 10],
    ]);
  });
});
