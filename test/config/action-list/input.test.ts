import { describe, expect, it } from 'vitest';
import { one, problems } from './helpers.js';

describe('input actions (ACT-rewrite, ACT-addinput, ACT-dropinput, ACT-sigemul)', () => {
  it('ACT-rewrite: count stays a string (run-time check), text defaults to %s', () => {
    expect(one('rewrite 2 a%.nlb')).toEqual({ kind: 'rewrite', offset: 0, count: '2', text: 'a%.nlb' });
    expect(one('rewrite x')).toEqual({ kind: 'rewrite', offset: 0, count: 'x', text: '%s' });
    expect(problems('rewrite')).toEqual([['SYS0304', 0]]);
    expect(problems('rewrite () x')).toEqual([['SYS0307', 8]]);
  });

  it('ACT-addinput: offset defaults to -, context to _FILE_EVENT_ + the stripped file (AL-parse-time)', () => {
    expect(one('addinput (/var/log/$1)')).toEqual({
      kind: 'addinput',
      offset: 0,
      file: '/var/log/$1',
      position: '-',
      context: '_FILE_EVENT_/var/log/$1',
    });
    expect(one('addinput /f 0 CTX')).toEqual({
      kind: 'addinput',
      offset: 0,
      file: '/f',
      position: '0',
      context: 'CTX',
    });
    expect(problems('addinput')).toEqual([['SYS0304', 0]]);
    expect(problems('addinput ()')).toEqual([['SYS0307', 9]]);
    expect(problems('addinput /f 0 C x')).toEqual([['SYS0305', 16]]);
  });

  it('ACT-dropinput: one file', () => {
    expect(one('dropinput /f')).toEqual({ kind: 'dropinput', offset: 0, file: '/f' });
    expect(problems('dropinput')).toEqual([['SYS0304', 0]]);
  });

  it('ACT-sigemul: the signal name is checked at run time only', () => {
    expect(one('sigemul hup')).toEqual({ kind: 'sigemul', offset: 0, signal: 'hup' });
    expect(one('sigemul NOSUCH')).toEqual({ kind: 'sigemul', offset: 0, signal: 'NOSUCH' });
    expect(problems('sigemul ()')).toEqual([['SYS0307', 8]]);
    expect(problems('sigemul HUP TERM')).toEqual([['SYS0305', 12]]);
  });
});
