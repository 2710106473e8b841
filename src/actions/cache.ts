/**
 * A memo of parsed templates per AST node (GUIDE "parse, don't validate"; hot path discipline):
 * a template string seen on a node is parsed once. Keys are the node objects of an action list
 * (weakly held, so a list that is dropped frees its entries) and the raw strings they hold (a
 * node has a handful of string fields, so each inner map stays tiny).
 *
 * This is the one piece of module-level state in src/actions (the instances in expand.ts and
 * substitute.ts): a pure memo, invisible in behaviour, since parsing is a pure function.
 */
export class NodeTemplateCache<T> {
  readonly #byNode = new WeakMap<object, Map<string, T>>();
  readonly #parse: (text: string) => T;

  constructor(parse: (text: string) => T) {
    this.#parse = parse;
  }

  get(node: object, text: string): T {
    let byText = this.#byNode.get(node);
    if (byText === undefined) {
      byText = new Map();
      this.#byNode.set(node, byText);
    }
    let parsed = byText.get(text);
    if (parsed === undefined) {
      parsed = this.#parse(text);
      byText.set(text, parsed);
    }
    return parsed;
  }
}
