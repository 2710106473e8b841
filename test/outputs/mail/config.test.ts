import { describe, expect, it } from 'vitest';
import {
  type MailOptions,
  parseSmtpUrl,
  resolveMailSettings,
  smtpAddress,
} from '../../../src/outputs/mail/index.js';

describe('parseSmtpUrl', () => {
  it('smtp:// is STARTTLS-when-offered on port 25, smtps:// implicit TLS on 465', () => {
    expect(parseSmtpUrl('smtp://mail.example.com')).toEqual({
      ok: true,
      config: {
        secure: false,
        host: 'mail.example.com',
        port: 25,
        user: null,
        pass: null,
        requireTLS: false,
        rejectUnauthorized: true,
        servername: null,
      },
    });
    const s = parseSmtpUrl('SMTPS://relay.example.com');
    expect(s.ok && [s.config.secure, s.config.port]).toEqual([true, 465]);
  });

  it('user and password are percent-decoded; port, IPv6 and TLS parameters are read', () => {
    const r = parseSmtpUrl(
      'smtp://alerts%40example.com:p%3As%2Fs@[::1]:2525/?requireTLS=true&tls.rejectUnauthorized=false&tls.servername=mx',
    );
    expect(r).toEqual({
      ok: true,
      config: {
        secure: false,
        host: '::1',
        port: 2525,
        user: 'alerts@example.com',
        pass: 'p:s/s',
        requireTLS: true,
        rejectUnauthorized: false,
        servername: 'mx',
      },
    });
    expect(r.ok && smtpAddress(r.config)).toBe('smtp://alerts%40example.com@[::1]:2525');
  });

  it.each([
    ['mail.example.com', 'it must start with smtp:// or smtps://'],
    ['http://mail.example.com', 'it must start with smtp:// or smtps://'],
    ['smtp://', 'it names no host'],
    ['smtp://h:99999', 'it is not a valid URL'],
    ['smtp://h/inbox', 'it must not have a path'],
    ['smtp://:secret@h', 'it has a password but no user'],
    ['smtp://u:%E0%A4%A@h', 'its user or password is not valid percent-encoding'],
    ['smtp://h?pool=true', "unknown or malformed parameter 'pool'"],
    ['smtp://h?requireTLS=maybe', "unknown or malformed parameter 'requireTLS'"],
  ])('%s is refused: %s', (url, error) => {
    expect(parseSmtpUrl(url)).toEqual({ ok: false, error });
  });

  it('the address shown in logs never holds the password', () => {
    const r = parseSmtpUrl('smtps://bob:hunter2@mail.example.com:465');
    expect(r.ok && smtpAddress(r.config)).toBe('smtps://bob@mail.example.com:465');
  });
});

describe('resolveMailSettings: option > environment > secret file; defaults', () => {
  const none: MailOptions = { smtp: null, mailFrom: null, mailTo: null };
  const files: Record<string, string> = { '/run/secrets/smtp': 'smtp://u:pw@file.example.com:587\n' };
  const deps = (env: Record<string, string> = {}) => ({
    env,
    readFile: (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    hostname: () => 'loghost',
  });
  const host = (r: ReturnType<typeof resolveMailSettings>) => r.settings.smtp?.host ?? null;

  it('nothing configured: no SMTP (mail goes to the log), from syscorr@HOSTNAME to root', () => {
    const r = resolveMailSettings(none, deps());
    expect(r).toEqual({
      settings: { smtp: null, from: 'syscorr@loghost', to: ['root'], toExplicit: false },
      problems: [],
    });
  });

  it('--smtp wins over SYSCORR_SMTP_URL, which wins over SYSCORR_SMTP_URL_FILE', () => {
    const env = { SYSCORR_SMTP_URL: 'smtp://env.example.com', SYSCORR_SMTP_URL_FILE: '/run/secrets/smtp' };
    expect(host(resolveMailSettings({ ...none, smtp: 'smtp://opt.example.com' }, deps(env)))).toBe(
      'opt.example.com',
    );
    expect(host(resolveMailSettings(none, deps(env)))).toBe('env.example.com');
    const fromFile = resolveMailSettings(none, deps({ SYSCORR_SMTP_URL_FILE: '/run/secrets/smtp' }));
    expect(fromFile.settings.smtp).toMatchObject({ host: 'file.example.com', port: 587, pass: 'pw' });
    expect(fromFile.problems).toEqual([]);
  });

  it('an unreadable secret file or a bad URL is a problem that never shows the URL; mail goes to the log', () => {
    const missing = resolveMailSettings(none, deps({ SYSCORR_SMTP_URL_FILE: '/run/secrets/none' }));
    expect(missing.settings.smtp).toBeNull();
    expect(missing.problems).toEqual([
      "can't read SYSCORR_SMTP_URL_FILE (/run/secrets/none): ENOENT: no such file or directory, open '/run/secrets/none'; mail goes to the log",
    ]);
    const bad = resolveMailSettings(none, deps({ SYSCORR_SMTP_URL: 'smtp://u:topsecret@h/x' }));
    expect(bad.settings.smtp).toBeNull();
    expect(bad.problems).toEqual([
      'SYSCORR_SMTP_URL is not a usable smtp:// or smtps:// URL (it must not have a path); mail goes to the log',
    ]);
    expect(bad.problems.join()).not.toContain('topsecret');
  });

  it('--mail-from/--mail-to win over SYSCORR_MAIL_FROM/TO; a given recipient is explicit', () => {
    const env = { SYSCORR_MAIL_FROM: 'env@x', SYSCORR_MAIL_TO: 'noc@x, oncall@x' };
    expect(resolveMailSettings(none, deps(env)).settings).toMatchObject({
      from: 'env@x',
      to: ['noc@x', 'oncall@x'],
      toExplicit: true,
    });
    expect(
      resolveMailSettings({ ...none, mailFrom: 'opt@x', mailTo: 'ops@x' }, deps(env)).settings,
    ).toMatchObject({ from: 'opt@x', to: ['ops@x'], toExplicit: true });
  });

  it('a malformed address is a problem and the default is kept', () => {
    const r = resolveMailSettings({ ...none, mailFrom: 'Alerts <a@x>', mailTo: 'a b' }, deps());
    expect(r.settings).toMatchObject({ from: 'syscorr@loghost', to: ['root'], toExplicit: false });
    expect(r.problems).toEqual([
      "--mail-from 'Alerts <a@x>' is not an address (user or user@domain); using 'syscorr@loghost'",
      "--mail-to 'a b' is not an address (user or user@domain); using 'root'",
    ]);
  });
});
