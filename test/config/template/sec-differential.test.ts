// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${N}` is SEC template syntax under test, not JS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  lookupMatchValue,
  type MatchValues,
  parseActionVarTemplate,
  parseMatchTemplate,
  parseShadowTemplate,
  substituteActionVars,
  substituteMatch,
  substituteShadow,
} from '../../../src/config/template/index.js';
import { describeWithProgram } from '../../support/external.js';

/**
 * VAR-*, ALV-*: templates run through the installed SEC and through our substitution, compared
 * line by line. Each template gets one rule whose action is `write - A<i>:<T>; write - %s` and
 * whose desc is `D<i>:<T>`, so both the action-list path ($ pass with VAR-pct-mask, then the
 * action-list variable pass) and the desc path ($ pass only, RT-desc-pct) are checked. Templates
 * avoid `;` and parentheses, which belong to the action-list syntax.
 */

const PATTERN = String.raw`^(\S+) (\S+) (\S+) (?<nm>\S+)(?: (\S+))?$`;
const LINE = 'alpha b%fooc d$1e fo%%o%{foo}';

const TEMPLATES = [
  '$1',
  '$10',
  '${1}0',
  '$01',
  '${01}',
  '$+{1}',
  '$+{01}',
  '$+{nm}',
  '$$',
  '$$$1',
  '$$1',
  '$x ${x} $+{x $+{} ${} $+{1a}',
  'a$',
  '$0',
  '$5|$9|$+{nosuch}|$+{_intcontext}',
  '$+{_inputsrc}',
  '$2 $3 $4',
  '$2$3$+{nm}',
  '$:{ent:1} $:{ent:nm} $:{ent:2}',
  '$:{no:1}|$:{ent:zz}|$:{ent:01}',
  '%%',
  '%1 %{1} %.1 %_x 100% a%',
  '%foo %{foo}bar %foobar %x1',
  '%.sp| %{.sp}x %.spx',
  '%%foo %%%foo %%%%foo',
  '$1%foo $+{nm}%{foo}',
  '%s',
  '$$%foo $$$2',
];

/** SEC's variables as this rule file sets them (assign) plus the built-ins the templates use. */
function actionVars(desc: string): (name: string) => string | undefined {
  const vars: Record<string, string> = { foo: 'FOO', x1: 'X%1', '.sp': ' ', s: desc };
  return (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined);
}

function ruleFile(): string {
  const setup = [
    'type=Single',
    'ptype=RegExp',
    `pattern=${PATTERN}`,
    'varmap=ent',
    'continue=TakeNext',
    'desc=setup',
    'action=assign %foo FOO; assign %x1 X%%1',
    '',
  ];
  const rules = TEMPLATES.flatMap((t, i) => [
    'type=Single',
    'ptype=RegExp',
    `pattern=${PATTERN}`,
    'continue=TakeNext',
    `desc=D${i}:${t}`,
    `action=write - A${i}:${t}; write - %s`,
    '',
  ]);
  return [...setup, ...rules].join('\n');
}

function runSec(sec: string, dir: string, rules: string, input: string): string[] {
  const conf = join(dir, 'rules.sec');
  const events = join(dir, 'input.log');
  writeFileSync(conf, rules, 'latin1');
  writeFileSync(events, input, 'latin1');
  const run = spawnSync(sec, ['--notail', `--conf=${conf}`, `--input=${events}`, '--log=/dev/null'], {
    timeout: 15_000,
  });
  return run.stdout.toString('latin1').split('\n').slice(0, -1);
}

describeWithProgram('sec', 'VAR-*/ALV-* templates agree with SEC output', (sec) => {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-tpl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Single rule: desc and action templates', () => {
    const lines = runSec(sec, dir, ruleFile(), `${LINE}\n`);
    const m = /^(\S+) (\S+) (\S+) (\S+)$/.exec(LINE) as RegExpExecArray;
    const values: MatchValues = {
      numbered: [LINE, m[1], m[2], m[3], m[4], undefined],
      named: { nm: m[4], _inputsrc: join(dir, 'input.log'), _intcontext: undefined },
      cache: (entry, name) => (entry === 'ent' ? lookupMatchValue(values, name, keyIndex(name)) : undefined),
    };
    const expected = TEMPLATES.flatMap((t, i) => {
      const desc = substituteMatch(parseMatchTemplate(`D${i}:${t}`), values);
      const action = substituteMatch(parseMatchTemplate(`A${i}:${t}`), values, 'action-list');
      return [substituteActionVars(parseActionVarTemplate(action), actionVars(desc)), desc];
    });
    expect(lines).toEqual(expected);
  });

  it('Pair rule: shadow templates in desc2 and action2 (VAR-shadow, VAR-pct3)', () => {
    const shadowTemplates = [
      '%1 %{1}0 %+{1} %2',
      '$1 %1',
      '%%1 %%%foo %%foo s%%%%%foo',
      '%2$1 $$%1',
      '%3|%+{x}|%x',
    ];
    const rules = shadowTemplates.flatMap((t, i) => [
      'type=Pair',
      'ptype=RegExp',
      String.raw`pattern=^P1 (\S+) (\S+)$`,
      'continue=TakeNext',
      `desc=pair${i}`,
      'action=assign %foo FOO',
      'ptype2=RegExp',
      String.raw`pattern2=^P2 (\S+)$`,
      'continue2=TakeNext',
      `desc2=E${i}:${t}`,
      `action2=write - B${i}:${t}; write - %s`,
      'window=60',
      '',
    ]);
    const lines = runSec(sec, dir, rules.join('\n'), 'P1 v$1 w%foo\nP2 z$2%foo\n');
    const p1: MatchValues = { numbered: ['P1 v$1 w%foo', 'v$1', 'w%foo'], named: {} };
    const p2: MatchValues = { numbered: ['P2 z$2%foo', 'z$2%foo'], named: {} };
    const expected = shadowTemplates.flatMap((t, i) => {
      const desc2 = substituteMatch(
        parseMatchTemplate(substituteShadow(parseShadowTemplate(`E${i}:${t}`), p1)),
        p2,
      );
      const created = substituteShadow(parseShadowTemplate(`B${i}:${t}`), p1, 'action-list');
      const action2 = substituteMatch(parseMatchTemplate(created), p2, 'action-list');
      return [substituteActionVars(parseActionVarTemplate(action2), actionVars(desc2)), desc2];
    });
    expect(lines).toEqual(expected);
  });
});

function keyIndex(key: string): number {
  return /^(?:0|[1-9][0-9]*)$/.test(key) ? Number(key) : -1;
}
