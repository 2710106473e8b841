import type { RuleBlock } from '../lexer.js';
import { parseTimeSpec } from './calendar.js';
import { parseYesNo } from './fields.js';
import {
  actionList,
  type BuildContext,
  contextOf,
  field,
  matcher,
  requiredActions,
  threshOf,
  windowOf,
} from './parts.js';
import type { Pattern, Rule, RuleType } from './types.js';

type Builder = (block: RuleBlock, ctx: BuildContext) => Rule | null;

function common(block: RuleBlock, ctx: BuildContext): { file: string; number: number; line: number } {
  return { file: ctx.file, number: ctx.number, line: block.startLine };
}

function text(block: RuleBlock, keyword: string): string {
  return field(block, keyword)?.value ?? '';
}

/** RT-suppress / Jump: the desc SEC invents when none is given. */
function defaultDesc(kind: 'Suppress' | 'Jump', pattern: Pattern): string {
  const negative = pattern.negate ? 'negative ' : '';
  const shown =
    pattern.kind === 'TValue'
      ? pattern.value
        ? 'TRUE'
        : 'FALSE'
      : pattern.kind === 'SubStr'
        ? pattern.text
        : pattern.kind === 'Cached'
          ? pattern.name
          : pattern.kind === 'RegExp'
            ? pattern.source
            : pattern.code;
  return `${kind} rule with ${negative}pattern: ${shown}`;
}

const single: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  const action = requiredActions(block, 'action', ctx);
  return m && { type: 'Single', ...common(block, ctx), ...m, desc: text(block, 'desc'), action };
};

const singleWithScript: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  const shellField = field(block, 'shell');
  const shell = shellField === undefined ? true : parseYesNo(shellField, ctx.problems);
  const command = text(block, 'script');
  // RT-swscript-shell: shell=no splits the command line on whitespace at load.
  const script = shell
    ? ({ shell: true, command } as const)
    : ({ shell: false, argv: command.split(/[\t\n\v\f\r ]+/).filter((w) => w !== '') } as const);
  const action = requiredActions(block, 'action', ctx);
  const action2 = actionList(block, 'action2', ctx);
  return (
    m && {
      type: 'SingleWithScript',
      ...common(block, ctx),
      ...m,
      desc: text(block, 'desc'),
      script,
      action,
      action2,
    }
  );
};

const singleWithSuppress: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  const action = requiredActions(block, 'action', ctx);
  const window = windowOf(block, ctx);
  return (
    m && {
      type: 'SingleWithSuppress',
      ...common(block, ctx),
      ...m,
      desc: text(block, 'desc'),
      action,
      window,
    }
  );
};

function pairBuilder(type: 'Pair' | 'PairWithWindow'): Builder {
  return (block, ctx) => {
    const m = matcher(block, '', ctx);
    const second = m && matcher(block, '2', ctx, m.pattern);
    const action = requiredActions(block, 'action', ctx);
    const action2 = requiredActions(block, 'action2', ctx);
    // RT-pair-window: Pair's window is optional (0 = infinite); PairWithWindow needs one > 0.
    const window = windowOf(block, ctx, { allowZero: type === 'Pair' });
    if (m === null || second === null) return null;
    const desc = text(block, 'desc');
    const desc2 = text(block, 'desc2');
    return { type, ...common(block, ctx), ...m, desc, action, second, desc2, action2, window };
  };
}

const singleWithThreshold: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  const action = requiredActions(block, 'action', ctx);
  const action2 = actionList(block, 'action2', ctx);
  const window = windowOf(block, ctx);
  const thresh = threshOf(block, ctx, 'thresh', { allowZero: false });
  const desc = text(block, 'desc');
  return (
    m && { type: 'SingleWithThreshold', ...common(block, ctx), ...m, desc, action, action2, window, thresh }
  );
};

const singleWith2Thresholds: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  const action = requiredActions(block, 'action', ctx);
  const action2 = requiredActions(block, 'action2', ctx);
  const window = windowOf(block, ctx, { name: '1st time window' });
  const window2 = windowOf(block, ctx, { keyword: 'window2', name: '2nd time window' });
  const thresh = threshOf(block, ctx, 'thresh', { allowZero: false, name: '1st threshold' });
  const thresh2 = threshOf(block, ctx, 'thresh2', { allowZero: true, name: '2nd threshold' });
  if (m === null) return null;
  const desc = text(block, 'desc');
  const desc2 = text(block, 'desc2');
  return {
    type: 'SingleWith2Thresholds',
    ...common(block, ctx),
    ...m,
    desc,
    action,
    window,
    thresh,
    desc2,
    action2,
    window2,
    thresh2,
  };
};

const suppress: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  if (m === null) return null;
  const desc = field(block, 'desc')?.value ?? defaultDesc('Suppress', m.pattern);
  const { pattern, varmap, context, contextText } = m;
  return { type: 'Suppress', ...common(block, ctx), pattern, varmap, context, contextText, desc };
};

const calendar: Builder = (block, ctx) => {
  const tf = field(block, 'time');
  const time = tf === undefined ? null : parseTimeSpec(tf, ctx.problems);
  // RT-cal-ctx: `[...]` is accepted and means nothing on Calendar rules.
  const ctxs = contextOf(block, 'context', ctx);
  const action = requiredActions(block, 'action', ctx);
  return (
    time && { type: 'Calendar', ...common(block, ctx), time, ...ctxs, desc: text(block, 'desc'), action }
  );
};

const jump: Builder = (block, ctx) => {
  const m = matcher(block, '', ctx);
  const cf = field(block, 'constset');
  const constset = cf === undefined ? true : parseYesNo(cf, ctx.problems);
  const cfset = text(block, 'cfset')
    .split(/[\t\n\v\f\r ]+/)
    .filter((w) => w !== '');
  if (m === null) return null;
  const desc = field(block, 'desc')?.value ?? defaultDesc('Jump', m.pattern);
  return { type: 'Jump', ...common(block, ctx), ...m, desc, cfset, constset };
};

/** Builders for every rule type but EventGroup (eventgroup.ts) and Options (load.ts). */
export const BUILDERS = {
  Single: single,
  SingleWithScript: singleWithScript,
  SingleWithSuppress: singleWithSuppress,
  Pair: pairBuilder('Pair'),
  PairWithWindow: pairBuilder('PairWithWindow'),
  SingleWithThreshold: singleWithThreshold,
  SingleWith2Thresholds: singleWith2Thresholds,
  Suppress: suppress,
  Calendar: calendar,
  Jump: jump,
} satisfies Record<Exclude<RuleType, 'EventGroup' | 'Options'>, Builder>;
