import { Random } from '../random.js';

/**
 * Deterministic syslog input for the benchmarks, in the classic file format the shipped
 * rulesets expect (`Mmm dd hh:mm:ss host tag: message`): sshd failures from many sources and
 * users, Cisco VPN 3000 `SEV=n` lines, Cisco ASA and IOS lines, application and kernel lines
 * (the generated RegExp rules key on their ids) and noise that no rule matches.
 */

/** How many distinct ids (users, apps, interfaces, ASA message ids) the lines draw from. */
export const ID_SPACE = 2500;

export type LineKind =
  | 'sshFailure'
  | 'sshAccepted'
  | 'sshInvalid'
  | 'vpn'
  | 'asaDeny'
  | 'asaOther'
  | 'ios'
  | 'app'
  | 'kernel'
  | 'noise';

export type LineMix = Readonly<Record<LineKind, number>>;

/** The default mix: roughly what a small site's central syslog sees, noise included. */
export const DEFAULT_MIX: LineMix = {
  sshFailure: 18,
  sshAccepted: 3,
  sshInvalid: 3,
  vpn: 10,
  asaDeny: 10,
  asaOther: 6,
  ios: 6,
  app: 20,
  kernel: 8,
  noise: 16,
};

type Maker = (r: Random, ts: string, seq: number) => string;

/**
 * An id in [0, ID_SPACE), skewed towards small ids (a few users and apps make most of the
 * traffic): a ruleset keyed on the first ids then sees matches at every size.
 */
const id = (r: Random): number => Math.floor(ID_SPACE * r.next() ** 3);

const ip = (r: Random, prefix: string): string => `${prefix}.${r.int(4)}.${r.int(256)}`;
const two = (n: number): string => String(n).padStart(2, '0');

const MAKERS: Readonly<Record<LineKind, Maker>> = {
  sshFailure: (r, ts) =>
    `${ts} bastion${r.int(3)} sshd[${r.between(1000, 65000)}]: Failed password for ${r.chance(0.2) ? 'invalid user ' : ''}user${id(r)} from ${ip(r, '203.0')} port ${r.between(1024, 65535)} ssh2`,
  sshAccepted: (r, ts) =>
    `${ts} bastion${r.int(3)} sshd[${r.between(1000, 65000)}]: Accepted password for user${id(r)} from ${ip(r, '203.0')} port ${r.between(1024, 65535)} ssh2`,
  sshInvalid: (r, ts) =>
    `${ts} bastion${r.int(3)} sshd[${r.between(1000, 65000)}]: Invalid user guest${r.int(300)} from ${ip(r, '198.51')} port ${r.between(1024, 65535)}`,
  vpn: (r, ts, seq) =>
    `${ts} vpnc${1 + r.int(2)} ${seq} 11/28/2026 ${ts.slice(7)}.${String(r.int(1000)).padStart(3, '0')} SEV=${1 + r.int(5)} ${r.pick(['AUTH', 'IKE', 'RADIUS', 'HWMON'])}/${r.int(60)} RPT=${r.int(9000)} ${r.pick(['Authentication rejected: Reason = User was not found', 'Tunnel established', 'Received unexpected event', 'Power supply fault'])}`,
  asaDeny: (r, ts) =>
    `${ts} fw${1 + r.int(2)} %ASA-4-106023: Deny ${r.pick(['tcp', 'udp'])} src outside:${ip(r, '198.51')}/${r.between(1024, 65535)} dst dmz:172.16.1.${r.int(64)}/${r.pick([22, 23, 80, 443, 445, 3389, 8443])} by access-group "outside_in" [0x0, 0x0]`,
  asaOther: (r, ts) =>
    `${ts} fw${1 + r.int(2)} %ASA-6-${400000 + id(r)}: Teardown TCP connection ${r.int(1e6)} for outside:${ip(r, '192.0')}/${r.between(1024, 65535)} to dmz:172.16.1.${r.int(64)}/443 duration 0:00:${two(r.int(60))} bytes ${r.int(1e6)}`,
  ios: (r, ts, seq) => {
    const iface = `GigabitEthernet0/${r.int(8)}`;
    const msg = r.pick([
      `%LINK-3-UPDOWN: Interface ${iface}, changed state to ${r.pick(['down', 'up'])}`,
      `%SYS-5-CONFIG_I: Configured from console by admin${r.int(5)} on vty0`,
      `%LINEPROTO-5-UPDOWN: Line protocol on Interface ${iface}, changed state to up`,
    ]);
    return `${ts} rtr-core${1 + r.int(3)} ${seq}: ${ts}.${String(r.int(1000)).padStart(3, '0')} UTC: ${msg}`;
  },
  app: (r, ts, seq) =>
    `${ts} web${r.int(20)} app${id(r)}[${r.between(100, 9999)}]: request ${seq} served in ${r.int(900)} ms status=${r.chance(0.1) ? r.pick([500, 502, 503]) : 200}`,
  kernel: (r, ts) =>
    `${ts} host${r.int(50)} kernel: [${r.int(999999)}.${String(r.int(1e6)).padStart(6, '0')}] eth${id(r)}: link ${r.pick(['up', 'down'])}`,
  noise: (r, ts) =>
    r.pick([
      `${ts} srv-app${r.int(9)} CRON[${r.between(1000, 65000)}]: (root) CMD (run-parts /etc/cron.hourly)`,
      `${ts} srv-app${r.int(9)} systemd[1]: Started Session ${r.int(99999)} of user www-data.`,
      `${ts} mx${r.int(3)} postfix/smtpd[${r.between(1000, 65000)}]: connect from unknown[${ip(r, '192.0')}]`,
      `${ts} srv-dns${r.int(3)} named[702]: client @0x7f3c ${ip(r, '10.20')}#${r.between(1024, 65535)} (www.example.org): query: www.example.org IN A + (10.0.0.53)`,
    ]),
};

function timestamp(second: number): string {
  const s = second % 86400;
  return `Nov 28 ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/**
 * An endless, seeded stream of lines; the first N lines are the same whatever N, so a short
 * input is a prefix of a long one. `perSecond` lines share one timestamp (from 10:00:00).
 */
export function* lineStream(seed: number, mix: LineMix = DEFAULT_MIX, perSecond = 500): Generator<string> {
  const r = new Random(seed);
  const kinds = Object.keys(mix) as LineKind[];
  const total = kinds.reduce((sum, k) => sum + mix[k], 0);
  for (let seq = 0; ; seq++) {
    let roll = r.next() * total;
    let kind: LineKind = 'noise';
    for (const k of kinds) {
      roll -= mix[k];
      if (roll < 0) {
        kind = k;
        break;
      }
    }
    yield MAKERS[kind](r, timestamp(36000 + Math.floor(seq / perSecond)), seq);
  }
}

/** The first `count` lines of the stream. */
export function generateLines(count: number, seed = 1, mix: LineMix = DEFAULT_MIX): string[] {
  const out: string[] = [];
  for (const line of lineStream(seed, mix)) {
    if (out.length >= count) break;
    out.push(line);
  }
  return out;
}
