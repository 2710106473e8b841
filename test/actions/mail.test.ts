import { describe, expect, it } from 'vitest';
import { runActions, substituteMatchVars } from '../../src/actions/index.js';
import type { Command, MailMessage, MailPort } from '../../src/actions/ports.js';
import { EXTENSION_KEYWORDS, parseActionList } from '../../src/config/action-list/index.js';
import { formatDiagnostic } from '../../src/config/diagnostics.js';
import { loadRuleText } from '../../src/config/load.js';
import { env, fakes, parse } from './fakes.js';

class FakeMail implements MailPort {
  readonly sent: MailMessage[] = [];
  readonly commands: [Command, string][] = [];
  takeCommands = true;

  send(mail: MailMessage): void {
    this.sent.push(mail);
  }

  deliverCommand(command: Command, data: string): boolean {
    this.commands.push([command, data]);
    return this.takeCommands;
  }
}

function withMail() {
  const mail = new FakeMail();
  return { ports: { ...fakes(), mail }, mail };
}

describe('mail / mailreport: parsing (syscorr-mail)', () => {
  it('are syscorr extensions, not among the SEC keywords', () => {
    expect(EXTENSION_KEYWORDS).toEqual(['mail', 'mailreport']);
  });

  it('mail TO SUBJECT [BODY]: the body takes the rest and defaults to %s', () => {
    expect(parse('mail root,ops@example.com %subj VPN fault on $1: %b').actions[0]).toEqual({
      kind: 'mail',
      offset: 0,
      to: 'root,ops@example.com',
      subject: '%subj',
      body: 'VPN fault on $1: %b',
    });
    expect(parse('MAIL root alert').actions[0]).toMatchObject({ kind: 'mail', body: '%s' });
  });

  it('mailreport CONTEXT TO [SUBJECT]: the subject takes the rest and defaults to %s', () => {
    expect(parse('mailreport VPN_$1 root VPN device alert').actions[0]).toEqual({
      kind: 'mailreport',
      offset: 0,
      context: 'VPN_$1',
      to: 'root',
      subject: 'VPN device alert',
    });
    expect(parse('mailreport C %to').actions[0]).toMatchObject({ to: '%to', subject: '%s' });
  });

  it.each([
    ['mail root', 'SYS0304', 0, "action 'mail' needs SUBJECT (usage: mail TO SUBJECT [BODY])"],
    ['mailreport C', 'SYS0304', 0, "action 'mailreport' needs TO (usage: mailreport CONTEXT TO [SUBJECT])"],
    ['mail a@x,b@x,<c@x> s', 'SYS0901', 13, "'<c@x>' is not a mail address (user or user@domain)"],
    [
      'none; mail a@x,,b@x s',
      'SYS0901',
      15,
      'an empty recipient is not a mail address (user or user@domain)',
    ],
    ['mailreport C "Ops" s', 'SYS0901', 13, '\'"Ops"\' is not a mail address (user or user@domain)'],
  ])('%j: %s at %i', (text, code, offset, message) => {
    expect(parseActionList(text, { ruleNumber: 0 }).problems).toEqual([{ code, offset, message }]);
  });

  it('recipients with variables are checked at run time, not at load', () => {
    expect(parseActionList('mail $1@example.com s; mail %to s', { ruleNumber: 0 }).problems).toEqual([]);
  });

  it('a malformed mail action is reported with file:line:col and the rule is skipped', () => {
    const text =
      'type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=write - ok; \\\n  mail root,"ops" alert\n\n' +
      'type=Single\nptype=SubStr\npattern=y\ndesc=d\naction=mail root\n';
    const loaded = loadRuleText(text, 'conf/vpn.sec', { bufsize: 0 });
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([
      'conf/vpn.sec:6:13: error SYS0901: \'"ops"\' is not a mail address (user or user@domain)',
      "conf/vpn.sec:12:8: error SYS0304: action 'mail' needs SUBJECT (usage: mail TO SUBJECT [BODY])",
      'conf/vpn.sec: warning SYS0105: no valid rules found',
    ]);
    expect(loaded.file.rules).toHaveLength(0);
  });
});

describe('mail / mailreport: running', () => {
  it('mail expands action-list variables in every part and queues one mail', () => {
    const { ports, mail } = withMail();
    runActions(
      parse('assign %subj VPN device alert; assign %to ops@x; mail root,%to %subj %s: %subj'),
      env(),
      ports,
    );
    expect(mail.sent).toEqual([
      { to: ['root,ops@x'], subject: 'VPN device alert', body: 'DESC: VPN device alert' },
    ]);
  });

  it('match variables are substituted at match time in every part', () => {
    const { ports, mail } = withMail();
    const list = substituteMatchVars(
      parse('mail $1@example.com $2 host $3 down; mailreport C_$3 $1 $2 report'),
      {
        numbered: ['all', 'noc', 'ALERT', 'gw1'],
        named: {},
      },
    );
    ports.contexts.create('C_gw1', 0, null, '', 1000);
    ports.contexts.add('C_gw1', 'line a', 1000);
    runActions(list, env(), ports);
    expect(mail.sent).toEqual([
      { to: ['noc@example.com'], subject: 'ALERT', body: 'host gw1 down' },
      { to: ['noc'], subject: 'ALERT report', body: 'line a\n' },
    ]);
  });

  it('mailreport sends the event store one line each, and nothing for a missing or empty context', () => {
    const { ports, mail } = withMail();
    ports.contexts.create('C', 0, null, '', 1000);
    runActions(parse('mailreport C root empty; mailreport NONE root missing'), env(), ports);
    expect(mail.sent).toEqual([]);
    expect(ports.logger.atMost(3)).toEqual(["Context 'NONE' does not exist, can't report"]);
    ports.contexts.add('C', 'first', 1000);
    ports.contexts.add('C', 'second', 1000);
    runActions(parse('mailreport C root'), env(), ports);
    expect(mail.sent).toEqual([{ to: ['root'], subject: 'DESC', body: 'first\nsecond\n' }]);
  });

  it('without a mail output the action logs an error and the list goes on', () => {
    const f = fakes();
    runActions(parse('mail root s b; write - after'), env(), f);
    expect(f.logger.atMost(2)).toEqual(["No mail output is available, mail 's' to root is dropped"]);
    expect(f.outputs.stdout).toBe('after\n');
  });
});

describe('pipe / report: SEC mail idioms go to the mail port first', () => {
  it('a command the mail port takes is not run; the data is exactly what SEC would pipe', () => {
    const { ports, mail } = withMail();
    ports.contexts.create('VPN', 0, null, '', 1000);
    ports.contexts.add('VPN', 'SEV=1 fault', 1000);
    runActions(
      parse(
        'pipe \'%s alert\' /usr/bin/mail -s "VPN device alert" root; report VPN /usr/bin/mail -s x root; ' +
          "pipeexec 'e' /bin/mail -s SEC%{.sp}alert root; reportexec VPN mailx root",
      ),
      env(),
      ports,
    );
    expect(mail.commands).toEqual([
      [{ shell: '/usr/bin/mail -s "VPN device alert" root' }, 'DESC alert\n'],
      [{ shell: '/usr/bin/mail -s x root' }, 'SEV=1 fault\n'],
      [{ argv: ['/bin/mail', '-s', 'SEC alert', 'root'] }, 'e\n'],
      [{ argv: ['mailx', 'root'] }, 'SEV=1 fault\n'],
    ]);
    expect(ports.processes.calls).toEqual([]);
  });

  it('a command the mail port declines runs as in SEC; stdout (no command) never asks', () => {
    const { ports, mail } = withMail();
    mail.takeCommands = false;
    runActions(parse("pipe 'x' cat; pipe 'y'"), env(), ports);
    expect(mail.commands).toEqual([[{ shell: 'cat' }, 'x\n']]);
    expect(ports.processes.calls).toEqual([
      ['pipe', { shell: 'cat' }, 'x\n'],
      ['pipe', null, 'y\n'],
    ]);
  });
});
