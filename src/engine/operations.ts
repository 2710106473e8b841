import type { Rule } from '../config/rules/types.js';

/** RT-opkey: "<conffile> | <ruleNo> | <desc>" identifies an operation. */
export function operationKey(file: string, rule: number, desc: string): string {
  return `${file} | ${rule} | ${desc}`;
}

/** What every correlation operation has; rule types add their own state (RT-*). */
export interface OperationBase {
  readonly key: string;
  readonly rule: Rule;
  readonly desc: string;
  /** Window start (getwpos/setwpos) and length; window 0 = infinite. */
  start: number;
  window: number;
}

/** SingleWithSuppress (RT-sws): only the window matters. */
export interface SuppressOperation extends OperationBase {
  readonly kind: 'SingleWithSuppress';
}

export type Operation = SuppressOperation;

/** RT-window-incl: alive while now - start <= window (window 0: until closed). */
export function expired(op: OperationBase, now: number): boolean {
  return op.window > 0 && now - op.start > op.window;
}

/** Live operations, in creation order (HP-hash-order: insertion order stands in for Perl's hash order). */
export class Operations {
  readonly #ops = new Map<string, Operation>();

  get(key: string): Operation | undefined {
    return this.#ops.get(key);
  }

  set(op: Operation): void {
    this.#ops.set(op.key, op);
  }

  delete(key: string): boolean {
    return this.#ops.delete(key);
  }

  values(): IterableIterator<Operation> {
    return this.#ops.values();
  }

  get size(): number {
    return this.#ops.size;
  }

  /** Drop every operation of a rule file (SIGABRT for changed files; SIGHUP drops all). */
  dropFile(file: string): void {
    for (const [key, op] of this.#ops) if (op.rule.file === file) this.#ops.delete(key);
  }

  clear(): void {
    this.#ops.clear();
  }
}
