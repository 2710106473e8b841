import { describe, expect, it } from 'vitest';
import { one, problems, theProblem } from './helpers.js';

describe('output actions (ACT-logonly .. ACT-closetcp)', () => {
  it('ACT-logonly: text, defaulting to %s (AL-default-s)', () => {
    expect(one('logonly  user %u logged in')).toEqual({
      kind: 'logonly',
      offset: 0,
      text: 'user %u logged in',
    });
    expect(one('logonly')).toEqual({ kind: 'logonly', offset: 0, text: '%s' });
    expect(one('logonly ()')).toEqual({ kind: 'logonly', offset: 0, text: '%s' });
  });

  it('ACT-write: file and text, AL-paren-strip on both', () => {
    expect(one('write /tmp/out $1 failed')).toEqual({
      kind: 'write',
      offset: 0,
      file: '/tmp/out',
      text: '$1 failed',
    });
    expect(one('write -')).toEqual({ kind: 'write', offset: 0, file: '-', text: '%s' });
    expect(one('write - (a) and (b)')).toEqual({ kind: 'write', offset: 0, file: '-', text: 'a) and (b' });
    expect(one('write (f) (x; y)')).toEqual({ kind: 'write', offset: 0, file: 'f', text: 'x; y' });
  });

  it('AL-tokens: parentheses cannot smuggle whitespace into the file name', () => {
    expect(one('write ( ) x')).toEqual({ kind: 'write', offset: 0, file: '(', text: ') x' });
  });

  it('ACT-writen and ACT-owritecl take the same arguments', () => {
    expect(one('writen - ab')).toEqual({ kind: 'writen', offset: 0, file: '-', text: 'ab' });
    expect(one('owritecl /tmp/fifo')).toEqual({ kind: 'owritecl', offset: 0, file: '/tmp/fifo', text: '%s' });
  });

  it('ACT-closef', () => {
    expect(one('closef /tmp/out')).toEqual({ kind: 'closef', offset: 0, file: '/tmp/out' });
  });

  it('ACT-udgram, ACT-ustream and their close actions', () => {
    expect(one('udgram /dev/log <13>hi')).toEqual({
      kind: 'udgram',
      offset: 0,
      path: '/dev/log',
      text: '<13>hi',
    });
    expect(one('ustream /run/s')).toEqual({ kind: 'ustream', offset: 0, path: '/run/s', text: '%s' });
    expect(one('closeudgr /dev/log')).toEqual({ kind: 'closeudgr', offset: 0, path: '/dev/log' });
    expect(one('closeustr /run/s')).toEqual({ kind: 'closeustr', offset: 0, path: '/run/s' });
  });

  it('ACT-udpsock, ACT-tcpsock and their close actions (the peer form is a run-time check)', () => {
    expect(one('udpsock ::1:514 <13>x')).toEqual({
      kind: 'udpsock',
      offset: 0,
      peer: '::1:514',
      text: '<13>x',
    });
    expect(one('tcpsock nohost')).toEqual({ kind: 'tcpsock', offset: 0, peer: 'nohost', text: '%s' });
    expect(one('closeudp h:514')).toEqual({ kind: 'closeudp', offset: 0, peer: 'h:514' });
    expect(one('closetcp h:514')).toEqual({ kind: 'closetcp', offset: 0, peer: 'h:514' });
  });

  it('a missing target is SYS0304 at the keyword', () => {
    const p = theProblem('none; write');
    expect(p).toMatchObject({ code: 'SYS0304', offset: 6 });
    expect(p.message).toBe("action 'write' needs FILE (usage: write FILE [STRING])");
    expect(problems('closeudp')).toEqual([['SYS0304', 0]]);
  });

  it('a target that is empty after AL-paren-strip is SYS0307 at that token', () => {
    const p = theProblem('write () x');
    expect(p).toMatchObject({ code: 'SYS0307', offset: 6 });
    expect(p.message).toBe("empty file name given for action 'write'");
    expect(problems('udpsock ( ) x')).toEqual([]);
    expect(problems('udpsock () x')).toEqual([['SYS0307', 8]]);
    expect(problems('closetcp ()')).toEqual([['SYS0307', 9]]);
  });

  it('close actions take one token: an extra one is SYS0305 at that token', () => {
    const p = theProblem('closef a b');
    expect(p).toMatchObject({ code: 'SYS0305', offset: 9 });
    expect(p.message).toBe("too many arguments for action 'closef': 'b' (usage: closef FILE)");
    expect(problems('closeustr a  b c')).toEqual([['SYS0305', 13]]);
  });
});
