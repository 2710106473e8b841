import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/index.js';
import { UTC_ZONE } from '../../src/engine/variables/index.js';
import { planListeners, renderFor } from '../../src/inputs/listener-plan.js';

describe('planListeners: listener specs from --input (issue 5)', () => {
  const inputs = (...values: string[]) => parseCommandLine(values.map((v) => `--input=${v}`)).options.input;

  it('keeps files out, carries each listener its settings, format and zone', () => {
    const plan = planListeners(
      inputs(
        '/var/log/messages',
        'udp://0.0.0.0:5514?rcvbuf=1M&tz=Europe/Berlin=ROUTERS',
        'tcp://[::]:5514?format=raw',
      ),
      UTC_ZONE,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.specs).toEqual([
      {
        url: 'udp://0.0.0.0:5514?rcvbuf=1M&tz=Europe/Berlin',
        host: '0.0.0.0',
        port: 5514,
        transport: 'udp',
        context: 'ROUTERS',
        options: { udpRecvBuffer: 1024 * 1024 },
      },
      {
        url: 'tcp://[::]:5514?format=raw',
        host: '::',
        port: 5514,
        transport: 'tcp',
        context: null,
        options: {},
      },
    ]);
    // One rendering per spec, in the specs' order (RawMessage.index picks it).
    expect(plan.render).toHaveLength(2);
    const udp = renderFor(plan.render, 0);
    expect(udp.format).toBe('classic');
    // Europe/Berlin is an hour ahead of UTC in January (zoneinfo from the system).
    expect(udp.zone).not.toBe(UTC_ZONE);
    expect(renderFor(plan.render, 1)).toMatchObject({ format: 'raw', zone: UTC_ZONE });
    expect(() => renderFor(plan.render, 2)).toThrow(/no listener 2/);
    // Each listener keeps its own time memo: listeners may sit in different zones.
    const memos = plan.render.map((r) => r.times);
    expect(new Set(memos).size).toBe(memos.length);
  });

  it('reports a zone that names nothing as a start-up error naming the listener', () => {
    const plan = planListeners(inputs('udp://127.0.0.1:5514?tz=Mars/Olympus'), UTC_ZONE);
    expect(plan.specs).toEqual([]);
    expect(plan.errors).toEqual([
      "cannot listen on udp://127.0.0.1:5514?tz=Mars/Olympus: unknown time zone 'Mars/Olympus'",
    ]);
  });
});

describe('findZone', () => {
  it('finds zoneinfo names and POSIX strings, and nothing for unknown names', async () => {
    const { findZone } = await import('../../src/engine/variables/index.js');
    expect(findZone('UTC')).not.toBeNull();
    expect(findZone('CET-1CEST,M3.5.0,M10.5.0/3')).not.toBeNull();
    expect(findZone('Mars/Olympus')).toBeNull();
    expect(findZone('Nowhere')).toBeNull();
    expect(findZone('../../etc/passwd')).toBeNull();
  });
});
