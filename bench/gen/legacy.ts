/**
 * The first benchmark's input and RegExp rules (the former bench/engine-throughput.ts),
 * kept as one engine case: its 1,000 rules share the long literal `served in` and differ only by
 * a number (`… served in 4242 ms …`), a harder shape for a literal prefilter than rules that
 * differ by their first word. The same arithmetic as before, so the lines are the same too.
 */

/** VPN concentrator lines (some SEV=1/2), sshd failures and noise; prefix-stable. */
export function* legacyLineStream(): Generator<string> {
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; ; i++) {
    const sec = String(i % 60).padStart(2, '0');
    switch (rnd(4)) {
      case 0:
        yield `Nov 28 10:00:${sec} vpnc1 ${i}: ${i} 11/28/2026 10:00:${sec} SEV=${1 + rnd(5)} IKE/${rnd(200)} RPT=${i} 10.1.${rnd(255)}.${rnd(255)} Group [vpn] tunnel event`;
        break;
      case 1:
        yield `Nov 28 10:00:${sec} bastion1 sshd[${1000 + rnd(9000)}]: Failed password for user${rnd(50)} from 203.0.113.${rnd(255)} port ${1024 + rnd(60000)} ssh2`;
        break;
      default:
        yield `Nov 28 10:00:${sec} host${rnd(20)} app[${rnd(999)}]: request ${i} served in ${rnd(500)} ms status=200`;
    }
  }
}

/** n RegExp Single rules on `served in <ii> ms`, then one on sshd failures (the last rule). */
export function legacyRegexRules(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `type=Single\nptype=RegExp\npattern=app\\[\\d+\\]: request \\d+ served in ${i}${i} ms status=(\\d+)\ndesc=r${i}\naction=write - rule ${i} $1\n`,
    );
  }
  out.push(
    'type=Single\nptype=RegExp\npattern=sshd\\[\\d+\\]: Failed password for (\\S+) from (\\S+)\ndesc=f\naction=write - failed $1 $2\n',
  );
  return out.join('\n');
}
