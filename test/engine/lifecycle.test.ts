import { describe, expect, it } from 'vitest';
import { feed, makeEngine } from '../support/engine-harness.js';

const T0 = 1_700_000_000;

describe('operations and contexts are freed when they end', () => {
  it('every operation type and every context with a lifetime is gone after its window', () => {
    const rules = `type=SingleWithThreshold
ptype=RegExp
pattern=^swt (\\S+)
desc=swt $1
action=write - swt %s
action2=write - swt-end %s
window=10
thresh=2
continue=TakeNext

type=SingleWith2Thresholds
ptype=RegExp
pattern=^swt (\\S+)
desc=sw2t $1
action=none
window=10
thresh=1
desc2=sw2t-end $1
action2=none
window2=5
thresh2=0
continue=TakeNext

type=SingleWithSuppress
ptype=RegExp
pattern=^swt (\\S+)
desc=sws $1
action=create CTX_$1 20 (add LOG_$1 expired)
window=10
continue=TakeNext

type=PairWithWindow
ptype=RegExp
pattern=^swt (\\S+)
desc=pww $1
action=none
ptype2=RegExp
pattern2=^never $1
desc2=x
action2=none
window=10
continue=TakeNext

type=Pair
ptype=RegExp
pattern=^swt (\\S+)
desc=pair $1
action=none
ptype2=RegExp
pattern2=^never $1
desc2=x
action2=none
window=10
continue=TakeNext

type=EventGroup
ptype=RegExp
pattern=^swt (\\S+)
desc=eg $1
action=none
window=10
thresh=5
`;
    const { engine } = makeEngine({ 'r.sec': rules });
    const keys = Array.from({ length: 200 }, (_, i) => `swt k${i}`);
    feed(engine, keys, T0);
    feed(engine, keys, T0 + 1);
    expect(engine.operations.size).toBe(200 * 6);
    expect(engine.contexts.count).toBe(200);
    for (let t = T0 + 2; t <= T0 + 40; t++) engine.cleanup(t);
    expect(engine.operations.size).toBe(0);
    // The expiry lists added to LOG_<key> (contexts without a lifetime): only those remain.
    expect(engine.contexts.snapshot().every((c) => c.names.every((n) => n.startsWith('LOG_')))).toBe(true);
    for (const c of engine.contexts.snapshot()) for (const n of c.names) engine.contexts.delete(n);
    expect(engine.contexts.count).toBe(0);
  });
});
