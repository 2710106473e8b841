/**
 * The typed form of an action list (SEC manual, ACTIONS; sec-features.md 4.2).
 *
 * Invariants, fixed at load exactly as SEC fixes them (AL-parse-time):
 * - string parameters stay raw templates: `$`/`%` variables are substituted later, at match time
 *   and at run time (AL-match-time, AL-run-time);
 * - one outer pair of parentheses and the `\(` `\)` escapes are already removed (AL-paren-strip);
 * - omitted string parameters hold the literal `'%s'` (AL-default-s);
 * - variable names (`variable`, `ref`) are stored without their leading `%` (AL-var-check);
 * - numbers SEC validates at run time (lifetimes, tevent delays, times, rewrite counts, input
 *   offsets) stay strings; only the `event` delay and rule offsets are numbers.
 */

/** A parsed action list; `actions` run in order (AL-control). */
export interface ActionList {
  readonly actions: readonly Action[];
}

/** What the parser needs to know about the rule whose list it reads. */
export interface ActionParseContext {
  /** 0-based number of the rule being loaded in its file (Options rules not counted), for ACT-reset. */
  readonly ruleNumber: number;
}

interface At {
  /** 0-based offset of the action keyword in the text given to parseActionList. */
  readonly offset: number;
}

type Simple<K extends string> = At & { readonly kind: K };
type WithText<K extends string, F extends string> = Simple<K> & { readonly [P in F]: string } & {
  readonly text: string;
};
type Only<K extends string, F extends string> = Simple<K> & { readonly [P in F]: string };
type Getter<K extends string> = Simple<K> & { readonly variable: string; readonly context: string };

// SEC ACT-none, ACT-break, ACT-continue
export type NoneAction = Simple<'none'>;
export type BreakAction = Simple<'break'>;
export type ContinueAction = Simple<'continue'>;

// SEC ACT-logonly .. ACT-closetcp: files and sockets
export type LogonlyAction = Simple<'logonly'> & { readonly text: string };
export type FileWriteAction = WithText<'write' | 'writen' | 'owritecl', 'file'>;
export type SocketWriteAction = WithText<'udgram' | 'ustream', 'path'>;
export type PeerWriteAction = WithText<'udpsock' | 'tcpsock', 'peer'>;
export type CloseFileAction = Only<'closef' | 'dropinput', 'file'>;
export type CloseSocketAction = Only<'closeudgr' | 'closeustr', 'path'>;
export type ClosePeerAction = Only<'closeudp' | 'closetcp', 'peer'>;

// SEC ACT-shellcmd .. ACT-reportexec: child processes; *exec argv is split at load (AL-parse-time)
export type ShellAction = Only<'shellcmd' | 'spawn', 'command'>;
export type ExecAction = Simple<'cmdexec' | 'spawnexec'> & { readonly argv: readonly string[] };
export type CspawnAction = Only<'cspawn', 'context' | 'command'>;
export type CspawnexecAction = Only<'cspawnexec', 'context'> & { readonly argv: readonly string[] };
/** `command` is '' when omitted: the text then goes to stdout. */
export type PipeAction = Only<'pipe', 'text' | 'command'>;
/** `argv` is empty when the command is omitted: the text then goes to stdout. */
export type PipeexecAction = Only<'pipeexec', 'text'> & { readonly argv: readonly string[] };
export type ReportAction = Only<'report', 'context' | 'command'>;
export type ReportexecAction = Only<'reportexec', 'context'> & { readonly argv: readonly string[] };

// SEC ACT-create .. ACT-setctime: contexts and their event stores
/** `lifetime` is '0' when omitted (infinite); `actions` is the expiry list. */
export type CreateAction = Only<'create' | 'set', 'context' | 'lifetime'> & { readonly actions: ActionList };
export type NameAction = Only<'delete' | 'obsolete' | 'unalias', 'context'>;
export type AliasAction = Only<'alias', 'context' | 'alias'>;
export type StoreAction = WithText<'add' | 'prepend' | 'fill', 'context'>;
export type TakeAction = Only<'copy' | 'pop' | 'shift', 'context' | 'variable'>;
/** `variable` is null when omitted (the store is emptied and nothing is copied). */
export type EmptyAction = Only<'empty', 'context'> & { readonly variable: string | null };
export type TrimAction = Only<'trim', 'time' | 'context'> & { readonly variable: string | null };
export type GetAction = Getter<'exists' | 'getsize' | 'getaliases' | 'getltime' | 'getctime'>;
/** `lifetime` is '0' when omitted (infinite). */
export type SetltimeAction = Only<'setltime', 'context' | 'lifetime'>;
export type SetctimeAction = Only<'setctime', 'time' | 'context'>;

// SEC ACT-event, ACT-tevent, ACT-cevent: synthetic events
/** `delay` is fixed at load; 0 means now. */
export type EventAction = Simple<'event'> & { readonly delay: number; readonly text: string };
export type TeventAction = Only<'tevent', 'delay' | 'text'>;
export type CeventAction = Only<'cevent', 'context' | 'delay' | 'text'>;

// SEC ACT-reset, ACT-getwpos, ACT-setwpos: operations; `rule` is an absolute 0-based rule number
/** `rule` is null for "every rule of this file". It may be out of range (then nothing matches). */
export type ResetAction = Simple<'reset'> & { readonly rule: number | null; readonly text: string };
export type GetwposAction = Only<'getwpos', 'variable' | 'text'> & { readonly rule: number };
export type SetwposAction = Only<'setwpos', 'time' | 'text'> & { readonly rule: number };

// SEC ACT-assign .. ACT-lcall, ACT-varset: variables
export type AssignAction = Only<'assign' | 'assignsq', 'variable' | 'value'>;
export type FreeAction = Only<'free', 'variable'>;
export type EvalAction = Only<'eval', 'variable' | 'code'>;
export type CallAction = Only<'call', 'variable' | 'ref'> & { readonly args: readonly string[] };
/** `mode` '->' passes the args as strings; ':>' passes match-cache entries (ACT-lcall). */
export type LcallAction = Only<'lcall', 'variable' | 'code'> & {
  readonly args: readonly string[];
  readonly mode: '->' | ':>';
};
export type VarsetAction = Only<'varset', 'variable' | 'entry'>;

// SEC ACT-rewrite, ACT-addinput, ACT-sigemul: input and process control
export type RewriteAction = Only<'rewrite', 'count' | 'text'>;
/** `position` is '-' (end of file) when omitted; `context` defaults to `_FILE_EVENT_` + file. */
export type AddinputAction = Only<'addinput', 'file' | 'position' | 'context'>;
export type SigemulAction = Only<'sigemul', 'signal'>;

// syscorr-mail (docs/mail.md): the mail extension actions; `to` is a comma-separated list
export type MailAction = Only<'mail', 'to' | 'subject' | 'body'>;
export type MailreportAction = Only<'mailreport', 'context' | 'to' | 'subject'>;

// SEC ACT-if, ACT-while
/** `thenList` runs when `%variable` is true (AL-truth), `elseList` otherwise (empty when no else). */
export type IfAction = Only<'if', 'variable'> & {
  readonly thenList: ActionList;
  readonly elseList: ActionList;
};
export type WhileAction = Only<'while', 'variable'> & { readonly body: ActionList };

/** One action; `kind` is the lower-case keyword. */
export type Action =
  | NoneAction
  | BreakAction
  | ContinueAction
  | LogonlyAction
  | FileWriteAction
  | SocketWriteAction
  | PeerWriteAction
  | CloseFileAction
  | CloseSocketAction
  | ClosePeerAction
  | ShellAction
  | ExecAction
  | CspawnAction
  | CspawnexecAction
  | PipeAction
  | PipeexecAction
  | ReportAction
  | ReportexecAction
  | CreateAction
  | NameAction
  | AliasAction
  | StoreAction
  | TakeAction
  | EmptyAction
  | TrimAction
  | GetAction
  | SetltimeAction
  | SetctimeAction
  | EventAction
  | TeventAction
  | CeventAction
  | ResetAction
  | GetwposAction
  | SetwposAction
  | AssignAction
  | FreeAction
  | EvalAction
  | CallAction
  | LcallAction
  | VarsetAction
  | RewriteAction
  | AddinputAction
  | SigemulAction
  | IfAction
  | WhileAction
  | MailAction
  | MailreportAction;

/** The lower-case action keywords. */
export type ActionKind = Action['kind'];
