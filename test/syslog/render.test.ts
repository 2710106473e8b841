import { describe, expect, it } from 'vitest';
import { fixedZone, UTC_ZONE } from '../../src/engine/variables/index.js';
import {
  matchFields,
  parseSyslog,
  type RenderOptions,
  renderLine,
  TimeMemo,
} from '../../src/syslog/index.js';

const NOW = Date.parse('2024-06-15T12:00:00Z') / 1000;
const classic: RenderOptions = { format: 'classic' as const, zone: UTC_ZONE, now: NOW, peer: '192.0.2.9' };

function line(raw: string, opts: RenderOptions = classic): string {
  return renderLine(parseSyslog(raw, { now: NOW }), opts);
}

describe('renderLine: the classic syslog file line (issue 5)', () => {
  it('renders the same instant in each zone asked, alternating between zones (one TimeMemo)', () => {
    const plus2 = fixedZone(7200, 'EET');
    const msg = parseSyslog('<13>1 2024-06-15T10:00:00Z h app - - - text', { now: NOW });
    const times = new TimeMemo();
    for (let i = 0; i < 3; i++) {
      expect(renderLine(msg, { ...classic, times })).toBe('Jun 15 10:00:00 h app: text');
      expect(renderLine(msg, { ...classic, zone: plus2, times })).toBe('Jun 15 12:00:00 h app: text');
    }
  });

  it('gives a year-less time the year closest to now, for each now in turn (one TimeMemo)', () => {
    const raw = '<13>Dec 31 23:00:00 h app: text';
    const times = new TimeMemo();
    const january = Date.parse('2025-01-01T01:00:00Z') / 1000;
    const december = Date.parse('2024-12-31T23:30:00Z') / 1000;
    for (let i = 0; i < 2; i++) {
      expect(parseSyslog(raw, { zone: UTC_ZONE, now: january, times }).timestamp).toBe(
        Date.parse('2024-12-31T23:00:00Z'),
      );
      expect(parseSyslog(raw, { zone: UTC_ZONE, now: NOW, times }).timestamp).toBe(
        Date.parse('2023-12-31T23:00:00Z'),
      );
      expect(
        parseSyslog(raw, { zone: UTC_ZONE, now: Date.parse('2026-03-01T00:00:00Z') / 1000, times }).timestamp,
      ).toBe(Date.parse('2025-12-31T23:00:00Z'));
      expect(parseSyslog(raw, { zone: fixedZone(3600, 'CET'), now: december, times }).timestamp).toBe(
        Date.parse('2024-12-31T22:00:00Z'),
      );
    }
  });

  it('renders an RFC 5424 message without its structured data', () => {
    expect(
      line('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 42 ID47 [x@1 a="1"] An event'),
    ).toBe('Oct 11 22:14:15 mymachine.example.com evntslog[42]: An event');
  });

  it('renders an RFC 3164 message as it came, with a space-padded day', () => {
    expect(line('<38>Jan  5 01:02:03 web01 sshd[4242]: Failed password for root')).toBe(
      'Jan  5 01:02:03 web01 sshd[4242]: Failed password for root',
    );
  });

  it('renders a tag without pid, and the peer when the message names no host', () => {
    expect(line('<13>Jan 15 10:00:00 su: auth failure')).toBe('Jan 15 10:00:00 192.0.2.9 su: auth failure');
  });

  it('renders the Cisco VPN 3000 SEV=1 line as a classic syslogd writes it (receive time, sender, whole text)', () => {
    expect(
      line('<185>4725 01/15/2024 10:00:00.150 SEV=1 AUTH/5 RPT=12 198.51.100.44 Authentication rejected'),
    ).toBe(
      'Jun 15 12:00:00 192.0.2.9 4725 01/15/2024 10:00:00.150 SEV=1 AUTH/5 RPT=12 198.51.100.44 Authentication rejected',
    );
  });

  it('keeps Cisco IOS sequence numbers and the device clock in the classic line, as syslogd does', () => {
    expect(
      line('<189>2202: Nov 28 10:02:11.940 UTC: %SYS-5-CONFIG_I: Configured from console by admin'),
    ).toBe(
      'Jun 15 12:00:00 192.0.2.9 2202: Nov 28 10:02:11.940 UTC: %SYS-5-CONFIG_I: Configured from console by admin',
    );
  });

  it('uses now when the message carries no time (FortiGate)', () => {
    expect(line('<189>date=2024-01-15 time=10:00:00 devname="FG100E"')).toBe(
      'Jun 15 12:00:00 192.0.2.9 date=2024-01-15 time=10:00:00 devname="FG100E"',
    );
  });

  it('writes the time in the given zone', () => {
    const opts = { ...classic, zone: fixedZone(2 * 3600, 'EET') };
    expect(line('<14>1 2024-01-15T23:30:00Z h app - - - m', opts)).toBe('Jan 16 01:30:00 h app: m');
  });

  it('keeps a raw message whole and leaves no trailing space for an empty one', () => {
    expect(line('hello world')).toBe('Jun 15 12:00:00 192.0.2.9 hello world');
    expect(line('<14>1 2024-01-15T10:00:00Z h app - - -')).toBe('Jan 15 10:00:00 h app:');
  });

  it("'raw' format gives the message only", () => {
    const opts = { ...classic, format: 'raw' as const };
    expect(line('<38>Jan  5 01:02:03 web01 sshd[4242]: Failed password for root', opts)).toBe(
      'Failed password for root',
    );
  });
});

describe('matchFields: reserved match variables (issue 5)', () => {
  it('gives host, facility and severity names, app, procid, msgid, peer, format and SD parameters', () => {
    const msg = parseSyslog(
      '<165>1 2003-10-11T22:14:15.003Z mymachine evntslog 42 ID47 [exampleSDID@32473 iut="3" event-Source="App"] x',
    );
    expect({ ...matchFields(msg, '192.0.2.9') }).toEqual({
      _host: 'mymachine',
      _facility: 'local4',
      _severity: 'notice',
      _app: 'evntslog',
      _procid: '42',
      _msgid: 'ID47',
      _peer: '192.0.2.9',
      _format: 'rfc5424',
      _sd_exampleSDID_32473_iut: '3',
      _sd_exampleSDID_32473_event_Source: 'App',
    });
  });

  it('falls back to the peer for _host and leaves out fields the message lacks', () => {
    const fields = matchFields(parseSyslog('<0>kernel panic'), '2001:db8::5');
    expect({ ...fields }).toEqual({
      _host: '2001:db8::5',
      _facility: 'kern',
      _severity: 'emerg',
      _peer: '2001:db8::5',
      _format: 'rfc3164',
    });
  });

  it('names a missing PRI user.notice', () => {
    const fields = matchFields(parseSyslog('not syslog'), 'p');
    expect([fields._facility, fields._severity, fields._format]).toEqual(['user', 'notice', 'raw']);
  });
});
