import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger, LogLevel } from '../../actions/ports.js';
import { processZone } from '../../engine/variables/index.js';
import { planListeners } from '../listener-plan.js';
import { CounterBlock } from '../syslog/counter-block.js';
import { SyslogListeners } from '../syslog/index.js';
import { HandOver } from './hand-over.js';
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

const handOver = new HandOver(
  listeners,
  { batch: init.batch, window: init.window, clockOffset, render: plan.render },
  block.intake,
  (batch, transfer) => send({ t: 'batch', batch }, transfer),
);

port.on('message', (m: ToIngest) => {
  if (m.t === 'ack') handOver.acked(m.n);
  else if (m.t === 'close') {
    handOver.closing();
    void listeners.close().then(() => {
      handOver.pump();
      send({ t: 'closed' });
    });
  }
});

listeners.start().then(
  () => {
    send({ t: 'started', addresses: listeners.addresses() });
    handOver.pump();
  },
  (error: unknown) => send({ t: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
