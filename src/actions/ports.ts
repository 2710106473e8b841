import type { ActionList } from '../config/action-list/index.js';
import type { ActionTelemetry } from '../metrics/telemetry.js';

/**
 * The seams between the action runner (src/actions) and everything actions act on. The engine,
 * the context store, the variable store, the outputs and the child-process manager implement
 * them; tests implement them with fakes. Times are integer epoch seconds (TM-clock).
 */

/** SEC log levels: 1 crit, 2 err, 3 warning, 4 notice, 5 info, 6 debug (OPT-debug). */
export type LogLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface Logger {
  log(level: LogLevel, message: string): void;
}

/** A context's expiry action list, handed to the runner when the context expires (CTX-expiry-action). */
export interface ExpiryTask {
  /** The name under which the context was checked: `_THIS` while the list runs. */
  readonly thisName: string;
  readonly actions: ActionList;
  /** The %s saved at create/set time. */
  readonly desc: string;
}

/** The context store (sec-features 3.2, ACT-create .. ACT-setctime). Implemented by src/engine/contexts.ts. */
export interface ContextPort {
  /** CTX-recreate / ACT-create: lifetime 0 = infinite; actions null = no expiry list. */
  create(name: string, lifetime: number, actions: ActionList | null, desc: string, now: number): void;
  /** ACT-set: lifetime null means `-` (keep ctime and lifetime, change only the list). */
  set(name: string, lifetime: number | null, actions: ActionList | null, desc: string, now: number): void;
  delete(name: string): void;
  obsolete(name: string, now: number): void;
  alias(name: string, alias: string): void;
  unalias(alias: string): void;
  add(name: string, text: string, now: number): void;
  prepend(name: string, text: string, now: number): void;
  fill(name: string, text: string, now: number): void;
  /** The stored lines (report, copy), or undefined for a missing context. Does not check expiry. */
  lines(name: string): readonly string[] | undefined;
  /** ACT-empty: removes and returns the lines, or undefined for a missing context. */
  empty(name: string): string[] | undefined;
  /** ACT-pop / ACT-shift: undefined for a missing context, '' for an empty store. */
  pop(name: string): string | undefined;
  shift(name: string): string | undefined;
  /** ACT-trim: removes lines stored before `before` (strictly earlier); undefined for a missing context. */
  trim(name: string, before: number): string[] | undefined;
  /** The context's current creation time, for `trim +T` (undefined when missing). */
  ctime(name: string): number | undefined;
  exists(name: string): boolean;
  size(name: string): number | undefined;
  aliases(name: string): string[] | undefined;
  lifetime(name: string): number | undefined;
  setLifetime(name: string, lifetime: number, now: number): void;
  setCtime(name: string, time: number, now: number): void;
}

/** Action-list variables (sec-features 4.3). Implemented by src/engine/variables.ts. */
export interface VariablePort {
  /** The value of `%name` (user or built-in such as `.nl`, `t`, `.year`); undefined if unset. */
  get(name: string, now: number): string | undefined;
  set(name: string, value: string | undefined): void;
  free(name: string): void;
}

/** Files and sockets (ACT-write .. ACT-closetcp). Implemented by src/outputs. */
export interface OutputPort {
  /** write (newline true) and writen; file '-' is standard output. */
  write(file: string, text: string, newline: boolean): void;
  owritecl(file: string, text: string): void;
  closef(file: string): void;
  udgram(path: string, text: string): void;
  closeudgr(path: string): void;
  ustream(path: string, text: string, now: number): void;
  closeustr(path: string): void;
  udpsock(peer: string, text: string): void;
  closeudp(peer: string): void;
  tcpsock(peer: string, text: string, now: number): void;
  closetcp(peer: string): void;
}

/** A command as SEC runs it: a string (shell only if it has metacharacters, CH-shell) or an argv (CH-exec). */
export type Command = { readonly shell: string } | { readonly argv: readonly string[] };

/** Child processes (sec-features 8). Implemented by src/outputs/children.ts. */
export interface ProcessPort {
  /** shellcmd / cmdexec: fire and forget; a non-zero exit is logged (CH-fire-forget). */
  run(command: Command): void;
  /** spawn family: each stdout line becomes a synthetic event with internal context `context` (ACT-spawn). */
  spawn(command: Command, context: string): void;
  /** pipe / report family: `data` goes to the command's stdin, or to stdout when command is null (CH-helper). */
  pipe(command: Command | null, data: string): void;
}

/** A mail as the mail actions and SEC's mail idioms hand it over (syscorr-mail, docs/mail.md). */
export interface MailMessage {
  /** Recipients as written: `user@domain`, a local name such as `root`, or comma lists of them. */
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly bcc?: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** null or absent: the configured sender (--mail-from). */
  readonly from?: string | null;
}

/** Mail (syscorr-mail). Implemented by src/outputs/mail; never blocks event processing. */
export interface MailPort {
  /** mail / mailreport: queues the mail and returns at once. */
  send(mail: MailMessage): void;
  /**
   * pipe / report family: when `command` is a mail command docs/mail.md recognises, and it is to
   * be delivered through the mailer, queues `data` as that mail and returns true; the command is
   * then not run. False: run the command as SEC would.
   */
  deliverCommand(command: Command, data: string): boolean;
}

/** What only the engine can do (synthetic events, operations, buffers, inputs, signals, match cache). */
export interface EnginePort {
  /** ACT-event/tevent/cevent, one call per line of text; delay 0 = now (IN-order). */
  event(text: string, delay: number, context: string | null, now: number): void;
  /** ACT-reset: rule null = every rule of `file`. */
  reset(file: string, rule: number | null, desc: string): void;
  getwpos(file: string, rule: number, desc: string): number | undefined;
  setwpos(file: string, rule: number, desc: string, time: number, now: number): void;
  rewrite(count: number, text: string): void;
  addinput(file: string, position: string, context: string): void;
  dropinput(file: string): void;
  sigemul(signal: string): void;
  /** ACT-varset: does the match cache hold this entry for the current event? */
  hasCacheEntry(entry: string): boolean;
}

export interface ActionPorts {
  readonly contexts: ContextPort;
  readonly variables: VariablePort;
  readonly outputs: OutputPort;
  readonly processes: ProcessPort;
  readonly engine: EnginePort;
  readonly logger: Logger;
  /** Counts every action run by keyword and result (issue 6: syscorr_actions_total). */
  readonly telemetry?: ActionTelemetry;
  /** syscorr-mail: absent where no mail output is wired (the mail actions then log an error). */
  readonly mail?: MailPort;
}

/** The situation an action list runs in. */
export interface RunEnv {
  readonly now: number;
  /** %s (ALV-s). */
  readonly desc: string;
  /** The rule file and 0-based rule number the list belongs to (reset/getwpos/setwpos). */
  readonly file: string;
  /** `_THIS` while a context expiry list runs (IE-this), else null. */
  readonly thisContext: string | null;
  /** --quoting (OPT-quoting). */
  readonly quoting: boolean;
}
