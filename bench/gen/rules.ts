/**
 * Deterministic rulesets for the benchmarks. Every generated rule keys on one id of the input
 * (user<k>, app<k>, ASA message id 400000+k, eth<k>), so a line matches at most a few rules
 * whatever the ruleset's size: the cost measured is that of finding the few rules that match.
 * No rule depends on a window shorter than 5 minutes, so SEC and syscorr give the same output
 * however long a run takes (both read the wall clock; --notail drops pending timers at EOF).
 */

/** The four families of a generated RegExp Single rule; rule i is family i % 4, id i / 4. */
function regexPattern(i: number): string {
  const k = Math.floor(i / 4);
  switch (i % 4) {
    case 0:
      return `sshd\\[\\d+\\]: Failed password for (?:invalid user )?user${k} from ([\\d.]+) port (\\d+)`;
    case 1:
      return `^\\w{3} [ \\d]\\d [\\d:]{8} (\\S+) app${k}\\[\\d+\\]: request \\d+ served in (\\d+) ms status=(5\\d\\d)`;
    case 2:
      return `%ASA-\\d-${400000 + k}: Teardown (\\S+) connection \\d+ for (\\S+)`;
    default:
      return `kernel: \\[[\\d.]+\\] eth${k}: link (up|down)`;
  }
}

/** n distinct RegExp Single rules writing one line to standard output when they match. */
export function regexSingleRules(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `type=Single\nptype=RegExp\npattern=${regexPattern(i)}\ndesc=r${i}\naction=write - r${i} $1 $2\n`,
    );
  }
  return out.join('\n');
}

/** One rule of the mix: thresholds, pairs, suppression and contexts, keyed on id k. */
function mixedRule(i: number): string {
  const k = Math.floor(i / 6);
  switch (i % 6) {
    case 0:
      return `type=SingleWithThreshold\nptype=RegExp\npattern=sshd\\[\\d+\\]: Failed password for (?:invalid user )?user${k} from ([\\d.]+)\ndesc=brute force on user${k}\naction=write - ALERT %s (last from $1)\nwindow=600\nthresh=3\n`;
    case 1:
      return `type=SingleWith2Thresholds\nptype=RegExp\npattern=app${k}\\[\\d+\\]: request \\d+ served in \\d+ ms status=(5\\d\\d)\ndesc=app${k} failing\naction=write - ALERT %s ($1)\nwindow=600\nthresh=2\ndesc2=app${k} recovered\naction2=write - OK %s\nwindow2=600\nthresh2=0\n`;
    case 2:
      return `type=PairWithWindow\nptype=RegExp\npattern=^\\w{3} [ \\d]\\d [\\d:]{8} (\\S+) kernel: \\[[\\d.]+\\] eth${k}: link down\ndesc=eth${k} down on $1\naction=write - TIMEOUT %s\nptype2=RegExp\npattern2=^\\w{3} [ \\d]\\d [\\d:]{8} $1 kernel: \\[[\\d.]+\\] eth${k}: link up\ndesc2=eth${k} flapped on %1\naction2=write - FLAP %s\nwindow=600\n`;
    case 3:
      return `type=Single\nptype=RegExp\npattern=%ASA-\\d-${400000 + k}: Teardown \\S+ connection \\d+ for outside:([\\d.]+)/\ncontext=!SEEN_${k}_$1\ndesc=first teardown ${k} from $1\naction=create SEEN_${k}_$1 3600; write - NEW %s\ncontinue=TakeNext\n`;
    case 4:
      return `type=SingleWithSuppress\nptype=RegExp\npattern=sshd\\[\\d+\\]: Accepted password for user${k} from ([\\d.]+)\ndesc=user${k} logged in\naction=write - LOGIN %s from $1; add LOGINS_${k} $0\nwindow=600\n`;
    default:
      return `type=Single\nptype=SubStr\npattern=eth${k}: link up\ncontext=!MUTE_${k}\ndesc=eth${k} up\naction=add LINKS_${k} $0\n`;
  }
}

/** n rules of mixed types (thresholds, pairs, suppression, contexts with short event stores). */
export function mixedRules(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(mixedRule(i));
  return out.join('\n');
}

/** The classic VPN ruleset (sec-features EX-vpn): severe events collected into a context. */
export const VPN_RULES = `type=Single
ptype=RegExp
pattern=SEV=[12]
context=!EVENT_CONTEXT
continue=TakeNext
desc=collect severe VPN events
action=create EVENT_CONTEXT 120 (report EVENT_CONTEXT /bin/cat)

type=Single
ptype=RegExp
pattern=SEV=[12]
desc=add
action=add EVENT_CONTEXT $0
`;

/** One SingleWithThreshold rule: 5 failed passwords from one address within a minute. */
export const SSH_THRESHOLD_RULE = `type=SingleWithThreshold
ptype=RegExp
pattern=sshd\\[\\d+\\]: Failed password for (?:invalid user )?(\\S+) from ([\\d.]+) port \\d+
desc=SSH brute force from $2
action=write - ALERT %s (last user $1)
window=60
thresh=5
`;

/**
 * The ingest ruleset: a counting rule first (TakeNext, so every event reaches it and the rest),
 * the generated rules, then the latency probe that sends its id back over UDP.
 */
export function ingestRules(n: number, opts: { countFile: string | null; probePort: number }): string {
  const count =
    opts.countFile === null
      ? ''
      : `type=Single\nptype=TValue\npattern=TRUE\ncontinue=TakeNext\ndesc=count\naction=write ${opts.countFile} .\n\n`;
  const probe = `type=Single\nptype=RegExp\npattern=latency-probe (\\d+)\ndesc=probe\naction=udpsock 127.0.0.1:${opts.probePort} $1\n`;
  return `${count}${regexSingleRules(n)}\n${probe}`;
}
