import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { legacyLineStream, legacyRegexRules } from '../gen/legacy.js';
import { mixedRules, regexSingleRules, SSH_THRESHOLD_RULE, VPN_RULES } from '../gen/rules.js';
import { findShippedRules } from '../gen/shipped.js';

/** One ruleset of the engine benchmark. */
export interface EngineCase {
  readonly key: string;
  readonly name: string;
  /** Writes the rule file(s) into dir when needed and returns the --conf value. */
  readonly conf: (dir: string) => string;
  readonly inQuick: boolean;
  /** The input stream when not the default one (its name keys the input files). */
  readonly input?: { readonly name: string; readonly stream: () => Generator<string> };
  /** Issue 7's target for the ratio syscorr/sec on this ruleset, if it sets one. */
  readonly targetRatio?: number;
}

function written(key: string, text: string): (dir: string) => string {
  return (dir) => {
    const path = join(dir, `${key}.sec`);
    writeFileSync(path, text);
    return path;
  };
}

/** The cases in the order of the table; the shipped rulesets only when they are found. */
export function engineCases(root: string): EngineCase[] {
  const shipped = findShippedRules(root);
  const cases: EngineCase[] = [];
  if (shipped !== null) {
    cases.push({
      key: 'shipped',
      name: `shipped rulesets (${shipped.files.length} files, ${shipped.shown})`,
      conf: () => shipped.glob,
      inQuick: true,
    });
  }
  cases.push(
    {
      key: 'vpn',
      name: '2-rule VPN ruleset',
      conf: written('vpn', VPN_RULES),
      inQuick: true,
      targetRatio: 5,
    },
    {
      key: 'ssh-threshold',
      name: '1 SingleWithThreshold rule (SSH)',
      conf: written('ssh-threshold', SSH_THRESHOLD_RULE),
      inQuick: false,
      targetRatio: 5,
    },
  );
  for (const n of [10, 100, 1000, 10_000]) {
    cases.push({
      key: `regex-${n}`,
      name: `${n.toLocaleString('en')} RegExp Single rules`,
      conf: written(`regex-${n}`, regexSingleRules(n)),
      inQuick: n <= 1000,
      ...(n === 100 ? { targetRatio: 20 } : n === 1000 ? { targetRatio: 100 } : {}),
    });
  }
  cases.push({
    key: 'legacy-1000',
    name: '1,000 RegExp rules on `served in <n> ms` (the first bench)',
    conf: written('legacy-1000', legacyRegexRules(1000)),
    inQuick: false,
    input: { name: 'legacy', stream: legacyLineStream },
    targetRatio: 100,
  });
  cases.push({
    key: 'mixed-120',
    name: '120 mixed rules (thresholds, pairs, contexts)',
    conf: written('mixed-120', mixedRules(120)),
    inQuick: false,
  });
  return cases;
}
