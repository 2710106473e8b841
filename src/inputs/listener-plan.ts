import type { InputSpec } from '../cli/types.js';
import { findZone, type TimeZone } from '../engine/variables/index.js';
import { TimeMemo } from '../syslog/index.js';
import type { NetworkSourceOptions } from './network-source.js';
import type { ListenerSpec } from './syslog/index.js';
import { parseListenerQuery } from './syslog/url-options.js';

/** What the composition root needs to start the syslog listeners of the --input values. */
export interface ListenerPlan {
  readonly specs: ListenerSpec[];
  /** How each listener's messages become event lines: one per spec, in the same order (RawMessage.index). */
  readonly render: readonly NetworkSourceOptions[];
  /** Start-up errors (an unknown time zone), one per listener. */
  readonly errors: string[];
}

/**
 * The --input values that are syslog listeners (udp://, tcp://, tls://) with their own settings
 * (url-options.ts). The option parser has already dropped listeners whose settings do not parse;
 * a zone that names nothing is only found here, where zone files are read.
 */
export function planListeners(
  inputs: readonly InputSpec[],
  zone: TimeZone,
  find: (name: string) => TimeZone | null = findZone,
): ListenerPlan {
  const specs: ListenerSpec[] = [];
  const render: NetworkSourceOptions[] = [];
  const errors: string[] = [];
  for (const i of inputs) {
    if (i.kind === 'file' || i.listen === undefined) continue;
    const parsed = parseListenerQuery(i.kind, i.query ?? '');
    if (!parsed.ok) {
      errors.push(`cannot listen on ${i.pattern}: ${parsed.error}`);
      continue;
    }
    const { options, format, tz } = parsed.settings;
    const own = tz === null ? zone : find(tz);
    if (own === null) {
      errors.push(`cannot listen on ${i.pattern}: unknown time zone '${tz}'`);
      continue;
    }
    specs.push({
      url: i.pattern,
      host: i.listen.host,
      port: i.listen.port,
      transport: i.kind,
      context: i.context,
      options,
    });
    render.push({ format, zone: own, times: new TimeMemo() });
  }
  return { specs, render, errors };
}

/** How the messages of listener `index` (RawMessage.index) are rendered: the plan has one per spec. */
export function renderFor(render: readonly NetworkSourceOptions[], index: number): NetworkSourceOptions {
  const options = render[index];
  if (options === undefined) throw new Error(`no listener ${index} among ${render.length}`);
  return options;
}
