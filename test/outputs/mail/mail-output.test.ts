import { describe, expect, it } from 'vitest';
import { LogTransport, type Mail, MailOutput, programExists } from '../../../src/outputs/mail/index.js';
import { RecordingLogger } from '../helpers.js';
import { mail } from './fakes.js';

function output(over: { smtp?: boolean; installed?: string[]; to?: string[]; toExplicit?: boolean } = {}) {
  const sent: Mail[] = [];
  const logger = new RecordingLogger();
  const installed = new Set(over.installed ?? []);
  const port = new MailOutput({
    mailer: { send: (m) => sent.push(m) },
    logger,
    from: 'syscorr@loghost',
    to: over.to ?? ['root'],
    toExplicit: over.toExplicit ?? false,
    smtp: over.smtp ?? true,
    programExists: (p) => installed.has(p),
  });
  return { port, sent, logger };
}

describe('MailOutput.send: addresses', () => {
  it('fills in the sender, splits comma lists, drops duplicates, keeps subject to one line', () => {
    const { port, sent } = output();
    port.send({ to: ['a@x, b@x', 'A@x'], subject: 'line 1\r\nline 2', body: 'b\n' });
    expect(sent).toEqual([
      { from: 'syscorr@loghost', to: ['a@x', 'b@x'], cc: [], bcc: [], subject: 'line 1 line 2', body: 'b\n' },
    ]);
  });

  it('a mail without recipients goes to --mail-to (default root)', () => {
    const { port, sent } = output();
    port.send({ to: [' , '], subject: 's', body: '' });
    expect(sent[0]?.to).toEqual(['root']);
  });

  it('local recipients (no @) become --mail-to only when it was given explicitly', () => {
    const implicit = output();
    implicit.port.send({ to: ['root', 'ops@x'], subject: 's', body: '' });
    expect(implicit.sent[0]?.to).toEqual(['root', 'ops@x']);
    const explicit = output({ to: ['noc@x', 'ops@x'], toExplicit: true });
    explicit.port.send({ to: ['root', 'ops@x'], cc: ['admin'], subject: 's', body: '', from: 'sec@x' });
    expect(explicit.sent[0]).toMatchObject({ from: 'sec@x', to: ['noc@x', 'ops@x'], cc: ['noc@x', 'ops@x'] });
  });
});

describe('MailOutput.deliverCommand: when SEC mail idioms are intercepted', () => {
  const body = 'line 1\nline 2\n';

  it('with SMTP configured, a recognised command is delivered as mail and not run', () => {
    const { port, sent, logger } = output({ smtp: true, installed: ['/usr/bin/mail'] });
    expect(port.deliverCommand({ shell: '/usr/bin/mail -s "VPN device alert" root' }, body)).toBe(true);
    expect(sent).toEqual([
      { from: 'syscorr@loghost', to: ['root'], cc: [], bcc: [], subject: 'VPN device alert', body },
    ]);
    expect(logger.messages(5)).toEqual([
      "Delivering the input of mail command '/usr/bin/mail' through the mailer (an SMTP server is configured)",
    ]);
  });

  it('without SMTP, a command whose program is installed runs as in SEC', () => {
    const { port, sent } = output({ smtp: false, installed: ['/usr/bin/mail'] });
    expect(port.deliverCommand({ shell: '/usr/bin/mail -s x root' }, body)).toBe(false);
    expect(sent).toEqual([]);
  });

  it('without SMTP, a command whose program is missing is delivered (to the log transport)', () => {
    const { port, sent, logger } = output({ smtp: false, installed: [] });
    expect(port.deliverCommand({ argv: ['mailx', '-s', 'SEC alert', 'root'] }, body)).toBe(true);
    expect(sent[0]?.subject).toBe('SEC alert');
    expect(logger.messages(5)[0]).toContain("('mailx' is not installed)");
  });

  it('commands that are not recognised are never intercepted', () => {
    const { port, sent } = output({ smtp: true });
    for (const shell of ['cat', 'mail -s x root | tee /tmp/x', 'mail -s "$S" root', 'mail -a x -s s root'])
      expect(port.deliverCommand({ shell }, body)).toBe(false);
    expect(sent).toEqual([]);
  });

  it('--mail-to replaces the local recipient of an intercepted command when given explicitly', () => {
    const { port, sent } = output({ smtp: true, to: ['noc@example.com'], toExplicit: true });
    port.deliverCommand({ shell: 'mail -s s root' }, body);
    expect(sent[0]?.to).toEqual(['noc@example.com']);
  });

  it('mail -E with an empty body is taken over but sends nothing', () => {
    const { port, sent } = output({ smtp: true });
    expect(port.deliverCommand({ shell: 'mail -E -s s root' }, '\n')).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('programExists: as execvp and sh find programs', () => {
  const files = new Set(['/usr/bin/mail', '/opt/x/sendmail']);
  const isExec = (p: string) => files.has(p);

  it('a path is checked as it is; a bare name is searched in PATH', () => {
    expect(programExists('/usr/bin/mail', '/bin', isExec)).toBe(true);
    expect(programExists('/usr/bin/mailx', '/usr/bin', isExec)).toBe(false);
    expect(programExists('sendmail', '/usr/sbin:/opt/x', isExec)).toBe(true);
    expect(programExists('sendmail', '/usr/sbin', isExec)).toBe(false);
    expect(programExists('mail', undefined, isExec)).toBe(true);
  });

  it('really looks at the file system by default', () => {
    expect(programExists('sh', '/bin:/usr/bin')).toBe(true);
    expect(programExists('/nonexistent/mail', undefined)).toBe(false);
  });
});

describe('LogTransport: mail to the log when no SMTP server is configured', () => {
  it('writes a header line and one notice line per body line', async () => {
    const logger = new RecordingLogger();
    await new LogTransport(logger).send(
      mail({ to: ['root', 'ops@x'], cc: ['c@x'], subject: 'VPN device alert', body: 'a\nb\n' }),
    );
    expect(logger.entries).toEqual([
      {
        level: 4,
        message:
          "Mail from syscorr@host to root, ops@x cc c@x, subject 'VPN device alert' (no SMTP server configured):",
      },
      { level: 4, message: 'mail| a' },
      { level: 4, message: 'mail| b' },
    ]);
  });
});
