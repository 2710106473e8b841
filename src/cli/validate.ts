import { parseListenerQuery } from '../inputs/syslog/url-options.js';
import type { RawValues } from './getopt.js';
import { isSmtpUrl, listenerKind, parseHostPort, parseListenerUrl, splitInputContext } from './input-spec.js';
import {
  OPTION_FIELDS,
  OPTION_TABLE,
  type OptionCheck,
  type OptionSpec,
  type OptionValue,
} from './options-table.js';
import type { OptionProblem, SecOptions } from './types.js';

/** Whether an option is "given" for SEC's cross checks: > 0, a non-empty list, or defined. */
function inEffect(value: OptionValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value > 0;
  return value !== null && value !== false;
}

function resetValue(spec: OptionSpec): OptionValue {
  // SYS0712: an option whose --noNAME differs from "not given" falls back to that (a bad
  // --metrics address leaves metrics off, not on at the appliance's default address).
  if (spec.negatedValue !== undefined) return spec.negatedValue;
  return Array.isArray(spec.default) ? [...spec.default] : spec.default;
}

/** One check on one option; returns the problem (and updates `values`) when it fails. */
function applyCheck(values: RawValues, field: keyof SecOptions, check: OptionCheck): OptionProblem | null {
  const spec: OptionSpec = OPTION_TABLE[field];
  const value = values[field];
  const flag = `'--${spec.name}'`;
  const reset = (code: OptionProblem['code'], message: string): OptionProblem => {
    values[field] = resetValue(spec);
    return { code, message };
  };
  switch (check.test) {
    case 'non-empty':
      if (Array.isArray(value)) {
        const kept = value.filter((v) => v !== '');
        if (kept.length === value.length) return null;
        values[field] = kept;
        return { code: 'SYS0707', message: `${flag} option requires a non-empty value` };
      }
      return value === '' ? reset('SYS0707', `${flag} option requires a non-empty value`) : null;
    case 'non-negative':
      return typeof value === 'number' && value < 0
        ? reset('SYS0708', `${flag} option requires a non-negative value`)
        : null;
    case 'positive':
      return typeof value === 'number' && value <= 0
        ? reset('SYS0708', `${flag} option requires a positive value`)
        : null;
    case 'range':
      return typeof value === 'number' && (value < check.min || value > check.max)
        ? reset('SYS0708', `${flag} option requires a value from range ${check.shown}`)
        : null;
    case 'requires': {
      if (!inEffect(value) || inEffect(values[check.option])) return null;
      const other = OPTION_TABLE[check.option].name;
      return reset('SYS0709', `${flag} option requires the '--${other}' option`);
    }
    case 'listener-url':
      return dropBadListeners(values, field);
    case 'listen-address': {
      if (typeof value !== 'string' || parseHostPort(value) !== null) return null;
      const message = `${flag} option requires a value of the form HOST:PORT or [IPV6]:PORT`;
      return reset('SYS0712', message);
    }
    case 'smtp-url':
      return typeof value === 'string' && !isSmtpUrl(value)
        ? reset('SYS0713', `${flag} option requires an smtp:// or smtps:// URL`)
        : null;
  }
}

/**
 * syscorr: `--input=udp://…` that is not `udp|tcp|tls://HOST:PORT[?SETTINGS][=CTX]`, or whose
 * settings do not parse, is dropped (SYS0711); the message says what is wrong with each.
 */
function dropBadListeners(values: RawValues, field: keyof SecOptions): OptionProblem | null {
  const value = values[field];
  if (!Array.isArray(value)) return null;
  const bad: string[] = [];
  const kept = value.filter((v) => {
    const why = listenerProblem(splitInputContext(v).pattern);
    if (why !== null) bad.push(`'${v}': ${why}`);
    return why === null;
  });
  if (bad.length === 0) return null;
  values[field] = kept;
  return {
    code: 'SYS0711',
    message: `'--input' listener dropped, ${bad.join('; ')}`,
  };
}

/** Why a listener pattern is unusable, or null (also null for a file pattern). */
function listenerProblem(pattern: string): string | null {
  const kind = listenerKind(pattern);
  if (kind === null) return null;
  const url = parseListenerUrl(pattern);
  if (url === null) return 'not of the form udp|tcp|tls://HOST:PORT[?SETTINGS][=CTX]';
  const settings = parseListenerQuery(kind, url.query);
  return settings.ok ? null : settings.error;
}

/**
 * SEC OPT-revalidate: the checks of every option in GetOptions() order, each failure printed and
 * the option put back to its default. A `requires` check runs once both options are checked, so
 * the messages come in SEC's order. Then the implied settings: OPT-bufsize (1 forces jointbuf)
 * and OPT-input (a `=CTX` turns on intcontexts; SEC does this when it opens the inputs).
 */
export function revalidate(values: RawValues): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const position = new Map(OPTION_FIELDS.map((f, i) => [f, i]));
  const deferred: { at: number; field: keyof SecOptions; check: OptionCheck }[] = [];
  OPTION_FIELDS.forEach((field, i) => {
    const spec: OptionSpec = OPTION_TABLE[field];
    const due: { field: keyof SecOptions; check: OptionCheck }[] = [];
    for (const check of spec.checks) {
      if (check.test === 'requires')
        deferred.push({ at: Math.max(i, position.get(check.option) ?? i), field, check });
      else due.push({ field, check });
    }
    due.push(...deferred.filter((d) => d.at === i));
    for (const { field: f, check } of due) {
      const problem = applyCheck(values, f, check);
      if (problem !== null) problems.push(problem);
    }
  });
  if (values.bufsize === 1) values.jointbuf = true;
  const inputs = values.input;
  if (Array.isArray(inputs) && inputs.some((v) => splitInputContext(v).context !== null))
    values.intcontexts = true;
  return problems;
}
