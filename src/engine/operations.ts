import type { Rule } from '../config/rules/types.js';

/** RT-opkey: "<conffile> | <ruleNo> | <desc>" identifies an operation. */
export function operationKey(file: string, rule: number, desc: string): string {
  return `${file} | ${rule} | ${desc}`;
}

/**
 * What every correlation operation has. Each rule type extends it with its own state in its own
 * file under rules/ (e.g. the event times of SingleWithThreshold) and narrows with `kind`.
 */
export interface Operation {
  readonly kind: Rule['type'];
  readonly key: string;
  readonly rule: Rule;
  /** The desc after `$`-substitution (RT-opkey); %s of the operation's lists. */
  readonly desc: string;
  /** Window start (getwpos/setwpos) and length; window 0 = infinite. */
  start: number;
  window: number;
}

/** RT-window-incl: alive while now - start <= window (window 0: until closed). */
export function expired(op: Operation, now: number): boolean {
  return op.window > 0 && now - op.start > op.window;
}

/**
 * Live operations in creation order (HP-hash-order: insertion order stands in for Perl's hash
 * order), also indexed by rule for Pair's pattern2 scan (RT-pair-close).
 */
export class Operations {
  readonly #ops = new Map<string, Operation>();
  readonly #byRule = new Map<Rule, Map<string, Operation>>();

  get(key: string): Operation | undefined {
    return this.#ops.get(key);
  }

  set(op: Operation): void {
    const old = this.#ops.get(op.key);
    if (old !== undefined && old.rule !== op.rule) this.#byRule.get(old.rule)?.delete(op.key);
    this.#ops.set(op.key, op);
    let forRule = this.#byRule.get(op.rule);
    if (forRule === undefined) {
      forRule = new Map();
      this.#byRule.set(op.rule, forRule);
    }
    forRule.set(op.key, op);
  }

  delete(key: string): boolean {
    const op = this.#ops.get(key);
    if (op === undefined) return false;
    this.#ops.delete(key);
    this.#byRule.get(op.rule)?.delete(key);
    return true;
  }

  /** True if `op` is still the live operation for its key (it may have been reset meanwhile). */
  isLive(op: Operation): boolean {
    return this.#ops.get(op.key) === op;
  }

  values(): IterableIterator<Operation> {
    return this.#ops.values();
  }

  /** A snapshot of one rule's live operations (safe to delete from while iterating). */
  ofRule(rule: Rule): Operation[] {
    const m = this.#byRule.get(rule);
    return m === undefined ? [] : [...m.values()];
  }

  get size(): number {
    return this.#ops.size;
  }

  /** Drop every operation of a rule file (SIGABRT for changed files; SIGHUP drops all). */
  dropFile(file: string): void {
    for (const op of [...this.#ops.values()]) if (op.rule.file === file) this.delete(op.key);
  }

  clear(): void {
    this.#ops.clear();
    this.#byRule.clear();
  }
}
