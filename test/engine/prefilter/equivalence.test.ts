import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load.js';
import { buildPlan } from '../../../src/engine/prefilter/index.js';
import { engineWith, loadConfig, step } from './support.js';

/**
 * Issue 7, proof of equivalence: random rule files × random lines give the same outputs, logs,
 * match counts, contexts and operations with the prefilter forced on as with it off (SEC's way).
 */

const WORDS = ['foo', 'Bar', 'BAZ', 'sev=1', 'sev=2', 'err', 'ok', 'x1', 'É', 'é', 'hello world'];

const piece = fc.constantFrom(
  'foo',
  'bar',
  'BAZ',
  'sev=[12]',
  'err',
  'ok',
  '(foo|bar)',
  '(?:ok|err)',
  '[Ee]rr',
  '\\w+',
  '(\\S+)',
  '\\d',
  '.',
  'é',
  ' ',
  '(?=.*ok)',
);
const quant = fc.constantFrom('', '', '', '?', '*', '+', '{2}');
const regex = fc
  .tuple(
    fc.constantFrom('', '', '(?i)', '^'),
    fc.array(fc.tuple(piece, quant), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '', '$', '|x1'),
  )
  .map(
    ([pre, parts, post]) => pre + parts.map(([p, q]) => (p.startsWith('(?=') ? p : p + q)).join('') + post,
  );

/** ptype and pattern lines of one matcher (`suffix` is '' or '2' for Pair's second pattern). */
const pattern = (suffix: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: regex.map((r) => `ptype${suffix}=RegExp\npattern${suffix}=${r}`) },
    { weight: 2, arbitrary: regex.map((r) => `ptype${suffix}=NRegExp\npattern${suffix}=${r}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...WORDS).map((w) => `ptype${suffix}=SubStr\npattern${suffix}=${w}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...WORDS).map((w) => `ptype${suffix}=NSubStr\npattern${suffix}=${w}`),
    },
    { weight: 1, arbitrary: regex.map((r) => `ptype${suffix}=RegExp2\npattern${suffix}=${r}\\n.*${r}`) },
    { weight: 1, arbitrary: fc.constantFrom(`ptype${suffix}=TValue\npattern${suffix}=TRUE`) },
    { weight: 1, arbitrary: fc.constantFrom(`ptype${suffix}=Cached\npattern${suffix}=MARK`) },
  );

const context = fc.constantFrom(
  '',
  '',
  '',
  'context=CTX_A',
  'context=!CTX_B',
  'context=[CTX_A]',
  'context=[!CTX_B]',
  'context=[ CTX_A || CTX_B ]',
  'context=varset MARK',
);

/** Actions that change what later rules see: contexts (with expiry actions), the line, new events. */
const sideEffect = fc.constantFrom(
  '',
  '',
  '; create CTX_A 3 (write - expired A)',
  '; create CTX_B 2 (write - expired B)',
  '; delete CTX_A',
  '; rewrite 1 foo ok sev=2 rewritten',
  '; rewrite 1 Bar err',
  '; event BAZ from $0',
  '; add CTX_A $0',
);

const single = fc
  .tuple(pattern(''), context, fc.constantFrom('', 'continue=TakeNext', 'continue=DontCont'), sideEffect)
  .chain(([p, ctx, cont, effect]) =>
    fc
      .constantFrom('', 'varmap=MARK; first=1')
      .map(
        (varmap) => (n: number) =>
          [
            `type=${n % 5 === 0 ? 'SingleWithThreshold\nwindow=5\nthresh=2' : 'Single'}`,
            p,
            varmap,
            ctx,
            cont,
            `desc=r${n}`,
            `action=write - r${n} $0 $1 $+{first}${effect}`,
          ]
            .filter((l) => l !== '')
            .join('\n'),
      ),
  );

const pair = fc.tuple(pattern(''), pattern('2'), context).map(
  ([p1, p2, ctx]) =>
    (n: number) =>
      `type=Pair\n${p1}\n${ctx}\ndesc=p${n}\naction=write - p${n} open $0\n${p2}\ndesc2=p${n}b\naction2=write - p${n} close $0\nwindow=4`,
);

const group = fc.tuple(pattern(''), pattern('2'), context).map(
  ([p1, p2, ctx]) =>
    (n: number) =>
      `type=EventGroup2\n${p1}\n${ctx}\nthresh=1\n${p2}\nthresh2=1\ndesc=g${n}\naction=write - g${n} $0\nwindow=5`,
);

const suppress = fc.tuple(pattern(''), context).map(
  ([p, ctx]) =>
    (_n: number) =>
      `type=Suppress\n${p}\n${ctx}`,
);

const jump = pattern('').map(
  (p) => (n: number) => `type=Jump\n${p}\ndesc=j${n}\ncfset=extra\ncontinue=TakeNext`,
);

const rule = fc.oneof({ weight: 8, arbitrary: single }, pair, group, suppress, jump);

const ruleFile = fc
  .array(rule, { minLength: 1, maxLength: 8 })
  .map((makers) => makers.map((make, n) => make(n)).join('\n\n'));

const line = fc
  .array(fc.constantFrom(...WORDS, 'FOO', 'OK', 'Err', ' ', '42'), { maxLength: 6 })
  .map((ws) => ws.join(' '));

/**
 * Seconds to wait before each line, and whether the cleanup pass runs then: contexts and windows
 * expire between lines, and a stale context not yet cleaned up expires when a context expression
 * checks it (its action list runs then: CX-name), pre-evaluated [..] contexts included.
 */
const steps = fc.array(fc.tuple(fc.nat(3), fc.boolean(), line), { minLength: 1, maxLength: 25 });

/** Everything observable after the run: outputs and logs in order, and the engine's state. */
function run(config: Config, input: readonly [number, boolean, string][], prefilter: boolean): unknown {
  const { engine, rec } = engineWith(config, prefilter);
  let now = 1_000_000;
  for (const [wait, clean, text] of input) {
    now += wait;
    if (clean) engine.cleanup(now);
    step(engine, text, now);
  }
  const counts = config.files.flatMap((f) => f.rules.map((r) => engine.matchCounts.get(r) ?? 0));
  const contexts = engine.contexts.snapshot().map((c) => JSON.stringify(c));
  const operations = [...engine.operations.values()].map((op) => op.key).sort();
  return {
    calls: rec.calls,
    logs: rec.logs,
    counts,
    contexts,
    operations,
    cache: [...engine.dumpView().cache],
  };
}

describe('prefilter: on = off (issue 7)', () => {
  it('property: random rule files and lines give the same outputs and state', () => {
    let filtered = 0;
    let outputs = 0;
    fc.assert(
      fc.property(ruleFile, ruleFile, steps, (main, extra, input) => {
        const config = loadConfig({
          'main.sec': main,
          'extra.sec': `type=Options\njoincfset=extra\nprocallin=no\n\n${extra}`,
        });
        filtered += buildPlan(config)?.filtered ?? 0;
        const off = run(config, input, false);
        const on = run(config, input, true);
        outputs += (off as { calls: unknown[] }).calls.length;
        expect(on).toEqual(off);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: many patterns had a filter, and the rules did produce outputs.
    expect(filtered).toBeGreaterThan(300);
    expect(outputs).toBeGreaterThan(300);
  });
});
