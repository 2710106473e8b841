import { describe, expect, it } from 'vitest';
import { parseMailCommand, splitShellWords } from '../../../src/outputs/mail/index.js';
import { commandMail } from '../../../src/outputs/mail/intercept.js';

describe('splitShellWords: the words /bin/sh would pass, for simple commands only', () => {
  it.each([
    ['/usr/bin/mail -s alert root', ['/usr/bin/mail', '-s', 'alert', 'root']],
    ['mail -s "VPN device alert" root', ['mail', '-s', 'VPN device alert', 'root']],
    ["mail -s 'it''s \"quoted\"' root", ['mail', '-s', 'its "quoted"', 'root']],
    ['mail -s VPN\\ alert  \t root', ['mail', '-s', 'VPN alert', 'root']],
    ['mail -s "a \\"b\\" \\$x \\\\ \\n" root', ['mail', '-s', 'a "b" $x \\ \\n', 'root']],
    ["mail -s '$1 `x` | ; >' root", ['mail', '-s', '$1 `x` | ; >', 'root']],
    ['mail -s "" root', ['mail', '-s', '', 'root']],
    ['mail -s a\\\nb root', ['mail', '-s', 'ab', 'root']],
    ['mail root\n', ['mail', 'root']],
    ['a=b#c d~e', ['a=b#c', 'd~e']],
  ])('%j → %j', (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it.each([
    'cat | mail root',
    'mail root > /dev/null',
    'mail root < /etc/passwd',
    'mail root; rm -rf /tmp/x',
    'mail root && true',
    'mail root &',
    'mail -s $SUBJECT root',
    'mail -s "$SUBJECT" root',
    'mail -s `hostname` root',
    'mail -s "`hostname`" root',
    'mail -s $(hostname) root',
    'mail -s [alert] root',
    'mail -s alert* root',
    'mail ~root',
    'mail root # comment',
    'mail -s "unclosed root',
    "mail -s 'unclosed root",
    'mail root\\',
    'mail root\nrm x',
    '(mail root)',
    '{ mail root; }',
  ])('not a simple command: %j', (line) => {
    expect(splitShellWords(line)).toBeNull();
  });
});

describe('parseMailCommand: the recognised mail command forms', () => {
  const words = (line: string): string[] => splitShellWords(line) ?? [];

  it.each([
    ['/usr/bin/mail -s "VPN device alert" root', 'VPN device alert', ['root']],
    ['mail -s alert root ops@example.com', 'alert', ['root', 'ops@example.com']],
    ['mailx -s alert a@x,b@y', 'alert', ['a@x', 'b@y']],
    ['/usr/bin/mailx -salert root', 'alert', ['root']],
    ['bsd-mailx -n -E -s alert -- root', 'alert', ['root']],
    ['mail root -s late', 'late', ['root']],
    ['/bin/mail -Ns x root', 'x', ['root']],
    ['mail root', null, ['root']],
  ])('%s: subject %j, recipients %j', (line, subject, to) => {
    const cmd = parseMailCommand(words(line));
    expect(cmd?.kind).toBe('mail');
    expect(cmd?.subject).toBe(subject);
    expect(cmd?.to).toEqual(to);
  });

  it('mail -c, -b and -r give Cc, Bcc and the sender; -E skips an empty body', () => {
    const cmd = parseMailCommand(words('mail -E -s s -c cc@x -b bcc1@x,bcc2@x -r me@x root'));
    expect(cmd).toMatchObject({ cc: ['cc@x'], bcc: ['bcc1@x', 'bcc2@x'], from: 'me@x', skipEmpty: true });
  });

  it.each([
    ['/usr/sbin/sendmail -t', [], true, false],
    ['sendmail -oi -t', [], true, true],
    ['sendmail -ti', [], true, true],
    ['/usr/lib/sendmail -f alerts@x root ops@x', ['root', 'ops@x'], false, false],
    ['sendmail -i -F "SEC alerts" -falerts@x root', ['root'], false, true],
  ])('%s: recipients %j, -t %j, -i %j', (line, to, fromHeaders, ignoreDots) => {
    const cmd = parseMailCommand(words(line));
    expect(cmd?.kind).toBe('sendmail');
    expect(cmd?.to).toEqual(to);
    expect(cmd?.recipientsFromHeaders).toBe(fromHeaders);
    expect(cmd?.ignoreDots).toBe(ignoreDots);
  });

  it.each([
    ['mail -s alert', 'no recipient'],
    ['sendmail', 'no recipient and no -t'],
    ['mail -a X-Foo:1 -s s root', 'unknown option -a (a header in one mailx, an attachment in another)'],
    ['mail -s', 'missing option value'],
    ['mail -s s "root user"', 'recipient is not an address'],
    ['mail -s s "Ops <ops@x>"', 'recipient is not an address'],
    ['sendmail -bs root', 'unknown sendmail mode'],
    ['sendmail -oem root', 'unknown -o setting'],
    ['bin/mail -s s root', 'relative path'],
    ['./mail -s s root', 'relative path'],
    ['/usr/bin/mutt -s s root', 'another program'],
    ['cat', 'another program'],
  ])('%s is not recognised (%s)', (line) => {
    expect(parseMailCommand(words(line))).toBeNull();
  });

  it('an empty argv is not a command', () => {
    expect(parseMailCommand([])).toBeNull();
  });
});

describe('commandMail: the mail SEC would have sent through the command', () => {
  const cmd = (line: string) => parseMailCommand(splitShellWords(line) ?? [])!;

  it('mail -s: the piped text is the body, unchanged', () => {
    const text = 'Nov 28 10:06:50 vpn SEV=1 HARDMON/7 fault\nNov 28 10:06:51 vpn SEV=2 AUTH/28 x\n';
    expect(commandMail(cmd('/usr/bin/mail -s "VPN device alert" root'), text)).toEqual({
      to: ['root'],
      cc: [],
      bcc: [],
      subject: 'VPN device alert',
      body: text,
      from: null,
    });
  });

  it('mail without -s sends with an empty subject; mail -E sends nothing for an empty body', () => {
    expect(commandMail(cmd('mail root'), 'x\n')?.subject).toBe('');
    expect(commandMail(cmd('mail -E -s s root'), ' \n')).toBeNull();
    expect(commandMail(cmd('mail -s s root'), '\n')?.body).toBe('\n');
  });

  it('sendmail -t: recipients, subject and sender come from the headers; the body follows the blank line', () => {
    const text =
      'From: SEC <sec@x>\nTo: Ops <ops@x>, "Doe, J" <j@x>\nCc: c@x\nBcc: b@x\n' +
      'Subject: disk\n full\nX-Other: dropped\n\nline 1\nline 2\n';
    expect(commandMail(cmd('sendmail -t'), text)).toEqual({
      to: ['ops@x', 'j@x'],
      cc: ['c@x'],
      bcc: ['b@x'],
      subject: 'disk full',
      body: 'line 1\nline 2\n',
      from: 'sec@x',
    });
  });

  it('sendmail with recipients ignores To: for delivery; text without headers is all body', () => {
    const m = commandMail(cmd('sendmail root'), 'To: other@x\nSubject: s\n\nbody\n');
    expect(m?.to).toEqual(['root']);
    expect(m?.subject).toBe('s');
    expect(commandMail(cmd('sendmail root'), 'Nov 28 host sshd: x\n')?.body).toBe('Nov 28 host sshd: x\n');
  });

  it('sendmail ends the input at a lone "." unless -i or -oi is given', () => {
    const text = 'Subject: s\n\nbefore\n.\nafter\n';
    expect(commandMail(cmd('sendmail root'), text)?.body).toBe('before\n');
    expect(commandMail(cmd('sendmail -oi root'), text)?.body).toBe('before\n.\nafter\n');
    expect(commandMail(cmd('sendmail -i root'), text)?.body).toBe('before\n.\nafter\n');
  });

  it('sendmail -t without any recipient header has nothing to send', () => {
    expect(commandMail(cmd('sendmail -t'), 'Subject: s\n\nbody\n')).toBeNull();
  });
});
