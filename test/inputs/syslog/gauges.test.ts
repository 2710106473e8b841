import { describe, expect, it } from 'vitest';
import { CounterBlock } from '../../../src/inputs/syslog/counter-block.js';
import { SyslogListeners } from '../../../src/inputs/syslog/index.js';
import { MemoryLogger, spec } from './helpers.js';

// A restarted network thread takes over the counter block of the one that died: the counts go
// on, but the gauges (queued, open connections) must show what the new listeners hold.
describe('gauges in a counter block taken over', () => {
  it('start at zero while the counts carry on', async () => {
    const block = new CounterBlock(1);
    block.intake.set('queued', 7);
    block.listener(0).set('connectionsOpen', 3);
    block.listener(0).add('received', 5);
    const set = new SyslogListeners([spec('tcp')], {}, { logger: new MemoryLogger(), counters: block });
    try {
      await set.start();
      expect(set.stats()[0]).toMatchObject({ connectionsOpen: 0, received: 5 });
      expect(set.counters()).toMatchObject({ connectionsOpen: 0, received: 5 });
      // What ThreadedNetworkInput.queued reads on the engine thread.
      expect(block.intake.get('queued')).toBe(0);
    } finally {
      await set.close();
    }
  });
});
