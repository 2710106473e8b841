import type { ListenerPlan } from '../listener-plan.js';
import type { NetworkSourceOptions } from '../network-source.js';

/** Two listeners may share a URL (port 0) and differ in their =CONTEXT. */
function key(url: string, context: string | null): string {
  return `${context ?? ''}\0${url}`;
}

/**
 * A message's listener as the batch names it (its index in the plan) and how its messages are
 * rendered. Messages come in runs from one listener, so the last answer is kept: the common
 * case compares two strings instead of building and hashing a key per message.
 */
export class ListenerLookup {
  readonly #indexOf: ReadonlyMap<string, number>;
  readonly #plan: ListenerPlan;
  readonly #fallback: NetworkSourceOptions;
  #url = '';
  #context: string | null = null;
  #index = -1;
  #render: NetworkSourceOptions;

  constructor(plan: ListenerPlan, fallback: NetworkSourceOptions) {
    this.#plan = plan;
    this.#fallback = fallback;
    this.#render = fallback;
    this.#indexOf = new Map(plan.specs.map((s, i) => [key(s.url, s.context), i]));
  }

  /** Looks up the listener of (url, context); then read index and render. */
  find(url: string, context: string | null): this {
    if (this.#index >= 0 && url === this.#url && context === this.#context) return this;
    this.#url = url;
    this.#context = context;
    this.#index = this.#indexOf.get(key(url, context)) ?? 0;
    this.#render = this.#plan.render.get(url) ?? this.#fallback;
    return this;
  }

  get index(): number {
    return this.#index;
  }

  get render(): NetworkSourceOptions {
    return this.#render;
  }
}
