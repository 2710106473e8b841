import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger, LogLevel } from '../../actions/ports.js';
import { systemClock } from '../../clock.js';
import { processZone } from '../../engine/variables/index.js';
import { planListeners, renderFor } from '../listener-plan.js';
import { renderMessage } from '../network-source.js';
import { CounterBlock } from '../syslog/counter-block.js';
import { SyslogListeners } from '../syslog/index.js';
import { BatchWriter } from './batch.js';
import type { FromIngest, IngestInit, ToIngest } from './protocol.js';

/**
 * The network thread (issue 7): every syslog listener of the process runs here, with its ACL, rate
 * limit, framing and the intake's flow control, and every message is parsed and rendered here.
 * The engine thread gets them in batches (batch.ts) and acknowledges what it has taken; at most
 * `window` messages are handed over and not yet taken, the rest wait in the intake, whose limits
 * (UDP dropped and counted as queueFull, TCP/TLS peers paused) then apply as on one thread.
 */
const port = parentPort;
if (port === null) throw new Error('the network thread worker runs as a worker thread');
const init = workerData as IngestInit;
const send = (m: FromIngest, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

const plan = planListeners(init.inputs, processZone());
const block = new CounterBlock(plan.specs.length, init.counters);
const logger: Logger = { log: (level: LogLevel, text: string) => send({ t: 'log', level, text }) };
// A restarted thread binds the ports its predecessor had (port 0 included).
const specs = plan.specs.map((s, i) => ({ ...s, port: init.ports?.[i] ?? s.port }));
const listeners = new SyslogListeners(specs, init.options, { logger, counters: block });
// Receipt times move to the engine thread's clock: both count from their own timeOrigin.
const clockOffset = performance.timeOrigin - init.timeOrigin;

let inflight = 0;
let closing = false;
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(pump);
}

/** Hands over what is queued, in batches, while the window has room (all of it when closing). */
function pump(): void {
  scheduled = false;
  for (;;) {
    const room = closing ? init.batch : Math.min(init.batch, init.window - inflight);
    if (room <= 0) break;
    const writer = new BatchWriter();
    // Whole seconds, as the engine thread's clock gives them (and as TimeMemo can match).
    const now = systemClock.now();
    while (writer.count < room) {
      const m = listeners.next();
      if (m === null) break;
      const rendered = renderMessage(m, now, renderFor(plan.render, m.index));
      writer.add(m.index, rendered, m.receivedAt + clockOffset);
    }
    if (writer.count === 0) break;
    inflight += writer.count;
    block.intake.add('handedOver', writer.count);
    const { batch, transfer } = writer.finish();
    send({ t: 'batch', batch }, transfer);
  }
  // Woken by the next arrival; a full window is reopened by an ack instead.
  if (!closing && listeners.queued === 0) listeners.onNextMessage(schedule);
}

port.on('message', (m: ToIngest) => {
  if (m.t === 'ack') {
    inflight = Math.max(0, inflight - m.n);
    if (listeners.queued > 0) schedule();
  } else if (m.t === 'close') {
    closing = true;
    void listeners.close().then(() => {
      pump();
      send({ t: 'closed' });
    });
  }
});

listeners.start().then(
  () => {
    send({ t: 'started', addresses: listeners.addresses() });
    pump();
  },
  (error: unknown) => send({ t: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
