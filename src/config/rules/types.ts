import type { ActionList } from '../action-list/index.js';
import type { ContextSpec } from '../context-expr/index.js';
import type { PerlRegex } from '../perl-regex/index.js';

/** SEC CF-continue, resolved: `target` is the rule index to go on with (-1 = EndMatch, rule count = stop). */
export type Continue =
  | { readonly kind: 'TakeNext' }
  | { readonly kind: 'DontCont' }
  | { readonly kind: 'EndMatch' }
  | { readonly kind: 'GoTo'; readonly label: string; readonly target: number };

export type PatternKind = 'SubStr' | 'RegExp' | 'PerlFunc' | 'Cached' | 'TValue';

/** A compiled pattern (PT-*). `lines` is N of the N-line forms (PT-N). */
export type Pattern =
  | { readonly kind: 'SubStr'; readonly negate: boolean; readonly lines: number; readonly text: string }
  | {
      readonly kind: 'RegExp';
      readonly negate: boolean;
      readonly lines: number;
      readonly source: string;
      /** null for a Pair pattern2 with match variables: compiled when the operation is created (PT-pair2-regexp). */
      readonly regex: PerlRegex | null;
    }
  | { readonly kind: 'PerlFunc'; readonly negate: boolean; readonly lines: number; readonly code: string }
  | { readonly kind: 'Cached'; readonly negate: boolean; readonly lines: 1; readonly name: string }
  | { readonly kind: 'TValue'; readonly negate: false; readonly lines: 1; readonly value: boolean };

/** VM-syntax: `name=N` maps ($N → $+{name}); a bare name (index null) stores a match-cache entry. */
export interface VarMapItem {
  readonly name: string;
  readonly index: number | null;
}

/** The pattern part shared by every matching rule (and by each EventGroup pattern and Pair's second pattern). */
export interface Matcher {
  readonly pattern: Pattern;
  readonly varmap: readonly VarMapItem[];
  readonly context: ContextSpec | null;
  /** Raw context text, kept for dumps and messages. */
  readonly contextText: string | null;
  readonly continue: Continue;
}

interface RuleCommon {
  /** The rule file as named by the --conf glob (RT-opkey). */
  readonly file: string;
  /** 0-based number among the valid, non-Options rules of the file (CF-numbering). */
  readonly number: number;
  /** SEC's rule start line (the line after the previous separator). */
  readonly line: number;
}

export interface SingleRule extends RuleCommon, Matcher {
  readonly type: 'Single';
  readonly desc: string;
  readonly action: ActionList;
}

export interface SingleWithScriptRule extends RuleCommon, Matcher {
  readonly type: 'SingleWithScript';
  readonly desc: string;
  /** shell=yes (default): one command string; shell=no: argv split at load (RT-swscript-shell). */
  readonly script:
    | { readonly shell: true; readonly command: string }
    | { readonly shell: false; readonly argv: readonly string[] };
  readonly action: ActionList;
  readonly action2: ActionList | null;
}

export interface SingleWithSuppressRule extends RuleCommon, Matcher {
  readonly type: 'SingleWithSuppress';
  readonly desc: string;
  readonly action: ActionList;
  readonly window: number;
}

export interface PairRule extends RuleCommon, Matcher {
  readonly type: 'Pair' | 'PairWithWindow';
  readonly desc: string;
  readonly action: ActionList;
  readonly second: Matcher;
  readonly desc2: string;
  readonly action2: ActionList;
  /** Pair: 0 = infinite (RT-pair-window); PairWithWindow: > 0. */
  readonly window: number;
}

export interface SingleWithThresholdRule extends RuleCommon, Matcher {
  readonly type: 'SingleWithThreshold';
  readonly desc: string;
  readonly action: ActionList;
  readonly action2: ActionList | null;
  readonly window: number;
  readonly thresh: number;
}

export interface SingleWith2ThresholdsRule extends RuleCommon, Matcher {
  readonly type: 'SingleWith2Thresholds';
  readonly desc: string;
  readonly action: ActionList;
  readonly window: number;
  readonly thresh: number;
  readonly desc2: string;
  readonly action2: ActionList;
  readonly window2: number;
  /** May be 0 (RT-sw2t). */
  readonly thresh2: number;
}

/** One of the N patterns of an EventGroup rule (RT-eg-match). */
export interface EventGroupMember extends Matcher {
  readonly count: ActionList | null;
  readonly thresh: number;
  /** Raw token template; defaults to the member's 1-based number (RT-eg-egpattern). null without egpattern. */
  readonly token: string | null;
}

export interface EventGroupRule extends RuleCommon {
  readonly type: 'EventGroup';
  readonly members: readonly EventGroupMember[];
  readonly desc: string;
  readonly action: ActionList;
  readonly init: ActionList | null;
  readonly slide: ActionList | null;
  readonly end: ActionList | null;
  readonly window: number;
  readonly multact: boolean;
  readonly egpattern:
    | { readonly kind: 'SubStr'; readonly negate: boolean; readonly text: string }
    | {
        readonly kind: 'RegExp';
        readonly negate: boolean;
        readonly source: string;
        readonly regex: PerlRegex;
      }
    | { readonly kind: 'PerlFunc'; readonly negate: boolean; readonly code: string }
    | null;
}

export interface SuppressRule extends RuleCommon {
  readonly type: 'Suppress';
  readonly pattern: Pattern;
  readonly varmap: readonly VarMapItem[];
  readonly context: ContextSpec | null;
  readonly contextText: string | null;
  /** "Suppress rule with pattern: …" when omitted (RT-suppress). */
  readonly desc: string;
}

/** RT-cal-spec: each field as the sorted set of allowed values; day 0 = last day of month. */
export interface CalendarSpec {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly days: readonly number[];
  /** 0-based months (SEC adds the offset -1). */
  readonly months: readonly number[];
  /** 0-6, Sunday = 0 (7 is folded into 0). */
  readonly weekdays: readonly number[];
  readonly years: readonly number[];
}

export interface CalendarRule extends RuleCommon {
  readonly type: 'Calendar';
  readonly time: CalendarSpec;
  readonly context: ContextSpec | null;
  readonly contextText: string | null;
  readonly desc: string;
  readonly action: ActionList;
}

export interface JumpRule extends RuleCommon, Matcher {
  readonly type: 'Jump';
  readonly desc: string;
  /** Set names (constset=yes) or templates substituted per event (constset=no, RT-jump-constset). */
  readonly cfset: readonly string[];
  readonly constset: boolean;
}

export type Rule =
  | SingleRule
  | SingleWithScriptRule
  | SingleWithSuppressRule
  | PairRule
  | SingleWithThresholdRule
  | SingleWith2ThresholdsRule
  | EventGroupRule
  | SuppressRule
  | CalendarRule
  | JumpRule;

export type RuleType = Rule['type'] | 'Options';

/** RT-options: what an Options rule sets for its file (the last Options rule of a file wins). */
export interface FileOptions {
  readonly joincfset: readonly string[];
  readonly procallin: boolean;
}

/** One loaded rule file. */
export interface RuleFile {
  readonly file: string;
  readonly rules: readonly Rule[];
  readonly options: FileOptions;
  /** False if any line or rule of the file was faulty (CF-invalid, drives --testonly). */
  readonly clean: boolean;
}
