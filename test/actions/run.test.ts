import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

describe('AL-run-time expansion (ALV-*)', () => {
  it('an assign earlier in the list affects later actions', () => {
    const f = fakes();
    runActions(parse('write - [%x]; assign %x one; write - [%x]; assign %x %x+%{x}; write - %x'), env(), f);
    expect(f.outputs.stdout).toBe('[]\n[one]\none+one\n');
  });
  it('%s is the desc and `assign %s` has no lasting effect (ALV-s)', () => {
    const f = fakes();
    runActions(parse('assign %s other; write - %s'), env({ desc: 'the desc' }), f);
    expect(f.outputs.stdout).toBe('the desc\n');
  });
  it('%% is a literal %, %1 stays literal, unset variables give "" (ALV-pct, ALV-unset)', () => {
    const f = fakes();
    runActions(parse('write - 100%% %1 [%nosuch] %{.sp}|%u'), env({ now: 42 }), f);
    expect(f.outputs.stdout).toBe('100% %1 []  |42\n');
  });
  it('values are inserted once and never rescanned', () => {
    const f = fakes();
    f.variables.set('a', '%b');
    f.variables.set('b', 'B');
    runActions(parse('write - %a'), env(), f);
    expect(f.outputs.stdout).toBe('%b\n');
  });
  it('reads a variable at each use, so the same action sees new values in a loop', () => {
    const f = fakes();
    f.contexts.add('S', '1\n2', 0);
    runActions(parse('assign %v x; while %v ( shift S %v; writen - <%v> )'), env(), f);
    expect(f.outputs.stdout).toBe('<1><2><>');
  });
});

describe('AL-run-time failures', () => {
  it('an action whose port throws is logged at err and the rest of the list runs', () => {
    const f = fakes();
    f.processes.run = () => {
      throw new Error('fork failed');
    };
    const outcome = runActions(parse('shellcmd /bin/true; write - next'), env(), f);
    expect(outcome).toBe(1);
    expect(f.outputs.stdout).toBe('next\n');
    expect(f.logger.atMost(2)).toEqual([expect.stringContaining('fork failed')]);
  });
  it('never throws, even when the logger throws too', () => {
    const f = fakes();
    f.outputs.udgram = () => {
      throw new Error('x');
    };
    f.logger.log = () => {
      throw new Error('y');
    };
    expect(() => runActions(parse('udgram /s a; write - b'), env(), f)).not.toThrow();
    expect(f.outputs.stdout).toBe('b\n');
  });
  it('eval, call and lcall never reach the runner; if they do, error log and go on', () => {
    const f = fakes();
    const list = parseActionListUnchecked('eval %o (1); write - after');
    expect(runActions(list, env(), f)).toBe(1);
    expect(f.outputs.stdout).toBe('after\n');
    expect(f.logger.atMost(2)).toEqual([expect.stringContaining("'eval'")]);
  });
});

import { parseActionList } from '../../src/config/action-list/index.js';

function parseActionListUnchecked(text: string) {
  return parseActionList(text, { ruleNumber: 0 }).list;
}
