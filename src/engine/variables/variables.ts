import type { VariablePort } from '../../actions/ports.js';
import { charBuiltins, MAX_CHR, timeBuiltins } from './builtins.js';
import { formatPerlLocaltime, localTime } from './localtime.js';
import { runtimeZone, type TimeZone } from './zone.js';

export interface ActionVariablesOptions {
  /**
   * The local zone for %t and ALV-time. The composition root passes processZone() (glibc's choice
   * of zone files, exact %Z); the default is the runtime's view of TZ (exact offsets, %Z from Intl).
   */
  readonly zone?: TimeZone;
  /** The second the built-ins are first computed for (SEC sets them at startup), else the first get. */
  readonly now?: number;
  /** The highest %.chrN: 255 (SEC 2.9.3+, the default) or 31 (SEC 2.9.1). */
  readonly maxChr?: number;
}

/**
 * SEC's one table of action-list variables (%variables): user variables and built-ins side by side
 * (sec-features 4.3). Deterministic: time comes in as `now` (integer epoch seconds).
 *  - ALV-scope: user variables are global and live until free or clearUser (SIGHUP).
 *  - ALV-time: the time built-ins are rewritten when a lookup happens in a new second, so a value a
 *    user stores under one of their names lasts until the next second.
 *  - ALV-t-u: %t and %u are set afresh before every substitution, so a lookup always sees `now`.
 *  - ALV-chars: %.nl .. %.chr255 are created at start and on SIGHUP only; free removes them until then.
 *  - ALV-s: %s is not kept here; the runner supplies the desc.
 */
export class ActionVariables implements VariablePort {
  readonly #values = new Map<string, string>();
  readonly #zone: TimeZone;
  readonly #maxChr: number;
  /** The second the time built-ins were last computed for (SEC's $timevar_update). */
  #timeUpdate: number | null = null;

  constructor(options: ActionVariablesOptions = {}) {
    this.#zone = options.zone ?? runtimeZone();
    this.#maxChr = options.maxChr ?? MAX_CHR;
    this.#createBuiltins(options.now);
  }

  get(name: string, now: number): string | undefined {
    const second = Math.floor(now);
    // SEC ALV-t-u: %u and %t are recomputed for every substitution.
    if (name === 'u') return String(second);
    if (name === 't') return formatPerlLocaltime(localTime(second, this.#zone));
    this.#refreshTime(second);
    return this.#values.get(name);
  }

  set(name: string, value: string | undefined): void {
    if (value === undefined) this.#values.delete(name);
    else this.#values.set(name, value);
  }

  free(name: string): void {
    this.#values.delete(name);
  }

  /**
   * SIGHUP (ALV-scope): every variable is dropped and the built-ins are created again, for `now`
   * if given, else for the second of the next lookup.
   */
  clearUser(now?: number): void {
    this.#values.clear();
    this.#createBuiltins(now);
  }

  /** A copy of every variable, user and built-in, for dumps (DUMP-*); %t and %u as of `now`. */
  snapshot(now: number): Map<string, string> {
    this.#refreshTime(Math.floor(now));
    const out = new Map(this.#values);
    out.set('u', this.get('u', now) ?? '');
    out.set('t', this.get('t', now) ?? '');
    return out;
  }

  #createBuiltins(now: number | undefined): void {
    // SEC ALV-pct: `%%` is the variable `%`; the template parser already makes it literal.
    this.#values.set('%', '%');
    for (const [name, value] of charBuiltins(this.#maxChr)) this.#values.set(name, value);
    this.#timeUpdate = null;
    if (now !== undefined) this.#refreshTime(Math.floor(now));
  }

  /** SEC ALV-time: recompute the time built-ins only when the second has changed. */
  #refreshTime(second: number): void {
    if (this.#timeUpdate === second) return;
    this.#timeUpdate = second;
    const parts = timeBuiltins(localTime(second, this.#zone));
    for (const [name, value] of Object.entries(parts)) this.#values.set(name, value);
  }
}
