import type { Config } from '../../config/load.js';
import { type AutomatonLiteral, LiteralAutomaton } from './automaton.js';
import { buildPlan, type FilePlan, type PrefilterPlan } from './plan.js';

/**
 * Below this many filterable patterns, trying the regexes is cheaper than one scan of the line:
 * measured on bench/engine-throughput.ts's generated rules, the scan breaks even at 9 to 12 of them
 * (a 100-byte line costs about as much to scan as ten searches for a literal-led regex).
 */
export const MIN_FILTERED = 10;

/**
 * The rule prefilter (issue 7): one scan of the current line over the literals every rule's
 * pattern requires, then a constant-time answer per rule. It only ever says "cannot be present",
 * and only when that is certain, so the rule loop keeps SEC's order and side effects exactly
 * (SEC RT-match: patterns are tried in file order; a skipped try is one that could not match).
 * The scan result is kept for the last text seen: the same text gives the same answer, and a text
 * changed under the loop (ACT-rewrite, an expiry action) is simply scanned again.
 */
export class Prefilter {
  readonly #plan: PrefilterPlan;
  readonly #automaton: LiteralAutomaton;
  /** Per slot: 1 when the last scan found one of its literals. */
  readonly #marks: Uint8Array;
  /** The slots the last scan found, each once, in the order found. */
  readonly #found: Int32Array;
  #foundCount = 0;
  /** The last text held a char above 0xFF: nothing is known, every slot counts as present. */
  #unknown = false;
  #text: string | null = null;

  private constructor(plan: PrefilterPlan) {
    this.#plan = plan;
    const bySlot = new Map<string, number[]>();
    plan.slots.forEach((literals, slot) => {
      for (const text of literals) {
        const list = bySlot.get(text);
        if (list === undefined) bySlot.set(text, [slot]);
        else list.push(slot);
      }
    });
    const literals: AutomatonLiteral[] = [...bySlot].map(([text, slots]) => ({ text, slots }));
    this.#automaton = new LiteralAutomaton(literals);
    this.#marks = new Uint8Array(plan.slots.length);
    this.#found = new Int32Array(plan.slots.length);
  }

  /**
   * The prefilter of a configuration, or null when no rule has a usable requirement. Unless
   * `force`, also null for rulesets with fewer than MIN_FILTERED patterns it could skip: one
   * scan of the line costs more than the few regex searches it would save.
   */
  static build(config: Config, force = false): Prefilter | null {
    const plan = buildPlan(config);
    if (plan === null || (!force && plan.filtered < MIN_FILTERED)) return null;
    return new Prefilter(plan);
  }

  /** The slots of one file's rules (undefined for a file the configuration does not hold). */
  file(name: string): FilePlan | undefined {
    return this.#plan.files.get(name);
  }

  /** The slots of requirement `req`, trigger first (tests, dumps). */
  requirement(req: number): readonly (readonly string[])[] {
    return [...(this.#plan.requirements[req] ?? [])].map((slot) => this.#plan.slots[slot] ?? []);
  }

  /**
   * True when `text` lacks every literal of one of the slots of requirement `req`, so a pattern
   * with that requirement cannot match it.
   */
  absent(req: number, text: string): boolean {
    if (text !== this.#text) this.#scan(text);
    return !this.#unknown && !this.#holds(req, 0);
  }

  /** Every slot of requirement `req` from index `from` on is present in the last text scanned. */
  #holds(req: number, from: number): boolean {
    const slots = this.#plan.requirements[req];
    if (slots === undefined) return true;
    for (let k = from; k < slots.length; k++) if (this.#marks[slots[k] as number] === 0) return false;
    return true;
  }

  /**
   * The skippable rules of `plan` whose required texts `text` holds, ascending; null when nothing
   * is known (a char above 0xFF), and every rule must be tried. Only the rules triggered by a slot
   * found are looked at; their other slots are then checked.
   */
  candidates(plan: FilePlan, text: string): number[] | null {
    if (text !== this.#text) this.#scan(text);
    if (this.#unknown) return null;
    const out: number[] = [];
    for (let k = 0; k < this.#foundCount; k++) {
      const rules = plan.bySlot.get(this.#found[k] as number);
      if (rules === undefined) continue;
      for (const r of rules) if (this.#holds(plan.rule[r] as number, 1)) out.push(r);
    }
    if (out.length > 1) out.sort(ascending);
    return out;
  }

  #scan(text: string): void {
    // Only the slots the previous scan marked are cleared: the cost follows the hits, not the slots.
    for (let k = 0; k < this.#foundCount; k++) this.#marks[this.#found[k] as number] = 0;
    const result = this.#automaton.scan(text, this.#marks, this.#found);
    this.#unknown = result < 0;
    this.#foundCount = result < 0 ? -1 - result : result;
    this.#text = text;
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}
