import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/index.js';
import { UTC_ZONE } from '../../../src/engine/variables/index.js';
import { ListenerLookup } from '../../../src/inputs/ingest/listener-lookup.js';
import { planListeners } from '../../../src/inputs/listener-plan.js';
import type { NetworkSourceOptions } from '../../../src/inputs/network-source.js';

describe('ListenerLookup', () => {
  const inputs = (...values: string[]) => parseCommandLine(values.map((v) => `--input=${v}`)).options.input;
  const plan = planListeners(
    inputs('udp://127.0.0.1:0=A', 'udp://127.0.0.1:0=B', 'tcp://127.0.0.1:0?format=raw'),
    UTC_ZONE,
  );
  const fallback: NetworkSourceOptions = { format: 'classic', zone: UTC_ZONE };

  it('tells listeners apart by URL and context, in any order of messages', () => {
    const lookup = new ListenerLookup(plan, fallback);
    const seq: [string, string | null, number][] = [
      ['udp://127.0.0.1:0', 'A', 0],
      ['udp://127.0.0.1:0', 'A', 0],
      ['udp://127.0.0.1:0', 'B', 1],
      ['tcp://127.0.0.1:0?format=raw', null, 2],
      ['udp://127.0.0.1:0', 'A', 0],
      ['tcp://127.0.0.1:0?format=raw', null, 2],
    ];
    for (const [url, context, index] of seq) expect(lookup.find(url, context).index).toBe(index);
    expect(lookup.find('tcp://127.0.0.1:0?format=raw', null).render.format).toBe('raw');
    expect(lookup.find('udp://127.0.0.1:0', 'B').render.format).toBe('classic');
  });

  it('answers index 0 and the fallback rendering for a listener it does not know', () => {
    const lookup = new ListenerLookup(plan, fallback);
    const l = lookup.find('udp://192.0.2.1:9', null);
    expect([l.index, l.render]).toEqual([0, fallback]);
  });
});
