import { describe, expect, it } from 'vitest';
import { headerAddresses, splitMessage } from '../../../src/outputs/mail/headers.js';

describe('splitMessage: the header block sendmail reads', () => {
  it('reads headers up to the empty line, unfolds continuations, keeps repeated headers', () => {
    const m = splitMessage('Subject: a\r\n  b\r\nTo: x@y\nto: z@y\n\nbody\n\nmore\n');
    expect([...m.headers]).toEqual([
      ['subject', ['a b']],
      ['to', ['x@y', 'z@y']],
    ]);
    expect(m.body).toBe('body\n\nmore\n');
  });

  it('text that does not start with a header line is all body', () => {
    expect(splitMessage('Nov 28 10:00:00 host sshd[1]: x\n')).toEqual({
      headers: new Map(),
      body: 'Nov 28 10:00:00 host sshd[1]: x\n',
    });
    expect(splitMessage(' folded: first\n').body).toBe(' folded: first\n');
  });

  it('the block also ends at a line that is not a header; that line starts the body', () => {
    const m = splitMessage('Subject: s\nnot a header\nrest\n');
    expect(m.headers.get('subject')).toEqual(['s']);
    expect(m.body).toBe('not a header\nrest\n');
  });

  it('headers only: an empty body', () => {
    expect(splitMessage('Subject: s\n').body).toBe('');
  });
});

describe('headerAddresses', () => {
  it.each([
    ['ops@x', ['ops@x']],
    ['Ops <ops@x>, "Doe, J" <j@x>', ['ops@x', 'j@x']],
    ['a@x (the admin), b@x', ['a@x', 'b@x']],
    ['"x, <y>" <z@x>', ['z@x']],
    [' , ', []],
  ])('%j → %j', (value, addresses) => {
    expect(headerAddresses(value)).toEqual(addresses);
  });
});
