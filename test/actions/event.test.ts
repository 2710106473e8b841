import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

describe('synthetic events (ACT-event, ACT-tevent, ACT-cevent)', () => {
  it('one engine call per line; an empty text makes none; middle empty lines make events', () => {
    const f = fakes();
    f.variables.set('empty', '');
    runActions(
      parse('event a%{.nl}%{.nl}b%.nl; event %empty; event 404 not found; event 5'),
      env({ now: 9 }),
      f,
    );
    expect(f.engine.calls).toEqual([
      ['event', 'a', 0, null, 9],
      ['event', '', 0, null, 9],
      ['event', 'b', 0, null, 9],
      ['event', 'not found', 404, null, 9],
      ['event', 'DESC', 5, null, 9],
    ]);
  });
  it('tevent validates its delay at run time; cevent passes the context', () => {
    const f = fakes();
    f.variables.set('d', ' 010 ');
    runActions(parse('tevent %d x; tevent 1.5 y; tevent 0 z; cevent C%s %d w; cevent C -1 q'), env(), f);
    expect(f.engine.calls).toEqual([
      ['event', 'x', 10, null, 1000],
      ['event', 'z', 0, null, 1000],
      ['event', 'w', 10, 'CDESC', 1000],
    ]);
    expect(f.logger.atMost(3)).toEqual([
      "Invalid time specification '1.5' for creating events",
      "Invalid time specification '-1' for creating events",
    ]);
  });
});
