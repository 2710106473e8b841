import { describe, expect, it } from 'vitest';
import { runActions } from '../../src/actions/index.js';
import { env, fakes, parse } from './fakes.js';

describe('files and sockets (ACT-logonly .. ACT-closetcp)', () => {
  it('ACT-write adds a newline, ACT-writen does not, - is stdout', () => {
    const f = fakes();
    runActions(parse('writen - ab; writen - c; writen - %.nl; write /tmp/x.log %s'), env(), f);
    expect(f.outputs.stdout).toBe('abc\n');
    expect(f.outputs.calls.at(-1)).toEqual(['write', '/tmp/x.log', 'DESC', true]);
  });
  it('expands the file name too (it keys the open handle)', () => {
    const f = fakes();
    f.variables.set('d', '/var/log');
    runActions(parse('write %d/%{x}out.log line; owritecl %d/f (a b); closef %d/out.log'), env(), f);
    expect(f.outputs.calls).toEqual([
      ['write', '/var/log/out.log', 'line', true],
      ['owritecl', '/var/log/f', 'a b'],
      ['closef', '/var/log/out.log'],
    ]);
  });
  it('socket actions send the text as is and pass now to the connecting ones', () => {
    const f = fakes();
    const list = parse(
      'udgram /dev/log a; closeudgr /dev/log; ustream /s b%.nl; closeustr /s; ' +
        'udpsock ::1:514 c; closeudp ::1:514; tcpsock h:1 d; closetcp h:1',
    );
    runActions(list, env({ now: 77 }), f);
    expect(f.outputs.calls).toEqual([
      ['udgram', '/dev/log', 'a'],
      ['closeudgr', '/dev/log'],
      ['ustream', '/s', 'b\n', 77],
      ['closeustr', '/s'],
      ['udpsock', '::1:514', 'c'],
      ['closeudp', '::1:514'],
      ['tcpsock', 'h:1', 'd', 77],
      ['closetcp', 'h:1'],
    ]);
  });
  it('ACT-logonly logs at level 4 (notice), defaulting to %s', () => {
    const f = fakes();
    runActions(parse('logonly; logonly x=%x'), env(), f);
    expect(f.logger.entries.filter((e) => e.level === 4).map((e) => e.message)).toEqual(['DESC', 'x=']);
  });
});
