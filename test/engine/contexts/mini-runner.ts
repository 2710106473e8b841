import type { ExpiryTask } from '../../../src/actions/ports.js';
import { type Action, type ActionList, parseActionList } from '../../../src/config/action-list/index.js';
import { ContextStore, missingContext } from '../../../src/engine/contexts/index.js';

/**
 * Just enough of an action runner to drive the store from SEC action-list text, for comparing
 * with /usr/bin/sec: the context actions, `%{.nl}`, `_THIS`, and `write - @P NAME`, a probe that
 * prints `NAME:exists:size:lines` the way the SEC expansion in probeForSec() does.
 */
export class MiniRunner {
  readonly out: string[] = [];
  readonly warnings: string[] = [];
  readonly store: ContextStore;
  readonly #this: string[] = [];
  #now: number;

  constructor(evstoresize: number, now: number) {
    this.#now = now;
    this.store = new ContextStore({
      evstoresize,
      logger: { log: (level, message) => (level <= 3 ? this.warnings.push(message) : undefined) },
      runExpiry: (task: ExpiryTask, at: number) => {
        this.#this.push(task.thisName);
        try {
          this.run(task.actions, at);
        } finally {
          this.#this.pop();
        }
      },
    });
  }

  runText(text: string, internal: string | null): void {
    const { list, problems } = parseActionList(text, { ruleNumber: 0 });
    if (problems.length > 0) throw new Error(`bad list: ${JSON.stringify(problems)}`);
    if (internal !== null) this.store.setInternal(internal);
    this.run(list, this.#now);
    this.store.clearInternal();
  }

  run(list: ActionList, now: number): void {
    for (const action of list.actions) this.#one(action, now);
  }

  #name(raw: string): string {
    const text = raw.replaceAll('%{.nl}', '\n');
    return text === '_THIS' ? (this.#this.at(-1) ?? text) : text;
  }

  #one(a: Action, now: number): void {
    const s = this.store;
    const n = (raw: string) => this.#name(raw);
    const empty = (l: ActionList) => (l.actions.length === 0 ? null : l);
    switch (a.kind) {
      case 'create':
        s.create(n(a.context), Number(a.lifetime), empty(a.actions), 'd', now);
        break;
      case 'set':
        s.set(n(a.context), a.lifetime === '-' ? null : Number(a.lifetime), empty(a.actions), 'd', now);
        break;
      case 'delete':
        s.delete(n(a.context));
        break;
      case 'obsolete':
        s.obsolete(n(a.context), now);
        break;
      case 'unalias':
        s.unalias(n(a.context));
        break;
      case 'alias':
        s.alias(n(a.context), n(a.alias));
        break;
      case 'add':
      case 'prepend':
      case 'fill':
        s[a.kind](n(a.context), n(a.text), now);
        break;
      case 'write':
        this.#write(a.text.replaceAll('%{.nl}', '\n'));
        break;
      default:
        throw new Error(`mini runner: no ${a.kind}`);
    }
  }

  /** `text` has %{.nl} substituted but keeps `_THIS`, so the probe label reads as in SEC. */
  #write(text: string): void {
    if (!text.startsWith('@P ')) {
      this.out.push(text);
      return;
    }
    const label = text.slice(3);
    const name = this.#name(label);
    const lines = this.store.lines(name);
    if (lines === undefined) this.warnings.push(missingContext(name, 'copy'));
    const exists = this.store.exists(name) ? 1 : 0;
    this.out.push(`${label}:${exists}:${this.store.size(name) ?? ''}:${lines?.join('\n') ?? '-'}`);
  }
}

/** The same probe in SEC's own actions (getsize of a missing context gives undef, printed ''). */
export function probeForSec(list: string): string {
  return list.replace(
    /write - @P ([^;)]+)/g,
    (_m, name: string) =>
      `assign %v -; exists %e ${name}; getsize %n ${name}; copy ${name} %v; write - ${name}:%e:%n:%v`,
  );
}
