import { afterEach, describe, expect, it } from 'vitest';
import {
  type Mail,
  Mailer,
  MailSendError,
  parseSmtpUrl,
  SYSTEM_TIMERS,
} from '../../../src/outputs/mail/index.js';
import { SmtpTransport } from '../../../src/outputs/mail/smtp-transport.js';
import { RecordingLogger } from '../helpers.js';
import { RecordingMailTelemetry } from './fakes.js';
import { type SmtpSink, smtpError, startSmtpSink } from './smtp-sink.js';

/** End-to-end with a real SMTP server (smtp-server) on 127.0.0.1:0: real sockets, real timers. */

const sinks: SmtpSink[] = [];
const transports: SmtpTransport[] = [];

afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  for (const s of sinks.splice(0)) await s.close();
});

async function sink(...args: Parameters<typeof startSmtpSink>): Promise<SmtpSink> {
  const s = await startSmtpSink(...args);
  sinks.push(s);
  return s;
}

function transport(url: string): SmtpTransport {
  const parsed = parseSmtpUrl(url);
  if (!parsed.ok) throw new Error(parsed.error);
  const t = new SmtpTransport(parsed.config);
  transports.push(t);
  return t;
}

const alert: Mail = {
  from: 'syscorr@loghost.example',
  to: ['noc@example.com'],
  cc: ['oncall@example.com'],
  bcc: [],
  subject: 'VPN device alert',
  body: 'Nov 28 10:06:50 vpn1 SEV=1 HARDMON/7 RPT=56 Power supply B failed\nNov 28 10:06:51 vpn1 SEV=2 AUTH/28 x\n',
};

describe('SmtpTransport against a real SMTP server', () => {
  it('delivers envelope, subject and body; the address shown has no password', async () => {
    const s = await sink({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (a, _s, cb) => cb(null, { user: a.username }),
    });
    const t = transport(`smtp://alerts:s3cret@127.0.0.1:${s.port}`);
    expect(t.address).toBe(`smtp://alerts@127.0.0.1:${s.port}`);
    await t.send(alert);
    expect(s.messages).toHaveLength(1);
    const m = s.messages[0]!;
    expect(m.from).toBe('syscorr@loghost.example');
    expect(m.to).toEqual(['noc@example.com', 'oncall@example.com']);
    expect(m.user).toBe('alerts');
    expect(m.subject).toBe('VPN device alert');
    expect(m.body).toContain('SEV=1 HARDMON/7 RPT=56 Power supply B failed\n');
    expect(m.body).toContain('SEV=2 AUTH/28 x');
  });

  it('smtp:// upgrades with STARTTLS when the server offers it', async () => {
    const s = await sink({ disabledCommands: [] });
    await transport(`smtp://127.0.0.1:${s.port}?tls.rejectUnauthorized=false`).send(alert);
    expect(s.messages[0]?.secure).toBe(true);
  });

  it('smtps:// is TLS from the first byte', async () => {
    const s = await sink({ secure: true });
    await transport(`smtps://127.0.0.1:${s.port}?tls.rejectUnauthorized=false`).send(alert);
    expect(s.messages[0]?.secure).toBe(true);
  });

  it('an untrusted certificate is refused unless tls.rejectUnauthorized=false', async () => {
    const s = await sink({ secure: true });
    await expect(transport(`smtps://127.0.0.1:${s.port}`).send(alert)).rejects.toBeInstanceOf(MailSendError);
    expect(s.messages).toHaveLength(0);
  });

  it('451 is a transient failure, 550 a permanent one; wrong credentials never show the password', async () => {
    const s = await sink({}, (n) =>
      n === 1 ? smtpError(451, 'try again later') : smtpError(550, 'no thanks'),
    );
    const t = transport(`smtp://127.0.0.1:${s.port}`);
    await expect(t.send(alert)).rejects.toMatchObject({
      permanent: false,
      message: expect.stringContaining('451'),
    });
    await expect(t.send(alert)).rejects.toMatchObject({
      permanent: true,
      message: expect.stringContaining('550'),
    });
    const auth = await sink({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (_a, _s, cb) => cb(new Error('bad login')),
    });
    const denied = transport(`smtp://bob:hunter2@127.0.0.1:${auth.port}`);
    const failure = await denied.send(alert).catch((e: unknown) => e as MailSendError);
    expect(failure).toBeInstanceOf(MailSendError);
    expect((failure as MailSendError).message).not.toContain('hunter2');
  });

  it('a server that is not there fails quickly as a transient error', async () => {
    const s = await sink();
    const port = s.port;
    await s.close();
    sinks.splice(0);
    await expect(transport(`smtp://127.0.0.1:${port}`).send(alert)).rejects.toMatchObject({
      permanent: false,
    });
  });
});

describe('Mailer + SmtpTransport: a failing server is retried', () => {
  it('451 then accepted: the mail arrives once, after one retry, and is counted', async () => {
    const s = await sink({}, (n) => (n === 1 ? smtpError(451, 'greylisted, try again later') : null));
    const telemetry = new RecordingMailTelemetry();
    const logger = new RecordingLogger();
    const mailer = new Mailer({
      transport: transport(`smtp://127.0.0.1:${s.port}`),
      logger,
      telemetry,
      timers: SYSTEM_TIMERS,
      now: Date.now,
      limits: { retryBaseMs: 50 },
    });
    mailer.send(alert);
    await logger.waitFor(/delivered via smtp:/);
    expect(s.replies.map((r) => r === true)).toEqual([false, true]);
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]?.subject).toBe('VPN device alert');
    expect(telemetry.failed).toEqual(['transport']);
    expect(telemetry.retried).toBe(1);
    expect(telemetry.sent).toHaveLength(1);
    expect(logger.messages(3)[0]).toMatch(
      new RegExp(
        `via smtp://127\\.0\\.0\\.1:${s.port} failed \\(attempt 1/8: .*451.*\\); retrying in 0\\.05 s`,
      ),
    );
    await mailer.close(1000);
  });
});
