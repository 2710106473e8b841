import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { type LineSource, MainLoop } from '../../src/engine/loop.js';
import { configFrom, engineFor } from '../support/engine-harness.js';

// MainLoop.burst: steps back to back; the clock reading after one event (its cleanup check)
// is the time of the next event, except after a cleanup pass, which may take long.

/** A clock that moves one second at each reading. */
class TickingClock implements Clock {
  reads = 0;
  constructor(private readonly start: number) {}
  now(): number {
    return this.start + this.reads++;
  }
}

/** `count` input lines; records the time each poll was made at. */
function source(count: number): LineSource & { polledAt: number[] } {
  let left = count;
  const polledAt: number[] = [];
  return {
    polledAt,
    next(now) {
      polledAt.push(now);
      if (left === 0) return null;
      left--;
      return { line: `line ${left}`, source: 'f', context: null };
    },
    exhausted: false,
    sawData: false,
  };
}

function loopOver(lines: LineSource, clock: Clock, cleantime: number) {
  const { engine } = engineFor(configFrom({ 'r.sec': 'type=Suppress\nptype=TValue\npattern=FALSE\n' }));
  return new MainLoop(
    engine,
    lines,
    { reap: () => ({ lines: [], completions: [], producedOutput: false }) },
    clock,
    { tail: true, cleantime, intevents: false },
  );
}

describe('MainLoop.burst', () => {
  it('carries the end-of-step reading into the next step, one reading per event', () => {
    const clock = new TickingClock(1000);
    const lines = source(3);
    const loop = loopOver(lines, clock, 1e9);
    expect(loop.burst(100)).toBe('idle');
    // step() alone would have polled at 1000, 1002, 1004, 1006.
    expect(lines.polledAt).toEqual([1000, 1001, 1002, 1003]);
    expect(clock.reads).toBe(5);
  });

  it('reads the clock afresh after a cleanup pass', () => {
    const clock = new TickingClock(1000);
    const lines = source(3);
    const loop = loopOver(lines, clock, 1);
    expect(loop.burst(100)).toBe('idle');
    expect(lines.polledAt).toEqual([1000, 1002, 1004, 1006]);
  });

  it('reads the clock afresh after handling a signal', () => {
    const clock = new TickingClock(1000);
    const lines = source(3);
    const loop = loopOver(lines, clock, 1e9);
    loop.raise('USR2');
    expect(loop.burst(100)).toBe('idle');
    // The signal is handled at the end of the first step; only the step after it reads again.
    expect(lines.polledAt).toEqual([1000, 1002, 1003, 1004]);
  });

  it('stops after `max` steps with the last result, and starts the next burst on a fresh reading', () => {
    const clock = new TickingClock(1000);
    const lines = source(5);
    const loop = loopOver(lines, clock, 1e9);
    expect(loop.burst(2)).toBe('event');
    expect(loop.burst(2)).toBe('event');
    expect(lines.polledAt).toEqual([1000, 1001, 1003, 1004]);
  });

  it('step() reads the clock at its start and for its cleanup check', () => {
    const clock = new TickingClock(1000);
    const lines = source(2);
    const loop = loopOver(lines, clock, 1e9);
    expect(loop.step()).toBe('event');
    expect(loop.step()).toBe('event');
    expect(lines.polledAt).toEqual([1000, 1002]);
  });
});
