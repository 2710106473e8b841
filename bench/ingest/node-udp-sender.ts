import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * The Node fallback of udp-sender.c (same arguments, same summary line) for machines without a
 * C compiler. It offers at most about 130,000 datagrams/s: the report says when it was used.
 */
async function main(argv: readonly string[]): Promise<void> {
  const [host = '127.0.0.1', portText = '0', rateText = '0', secondsText = '1', file = ''] = argv;
  const messages = readFileSync(file, 'latin1')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => Buffer.from(l, 'latin1'));
  if (messages.length === 0) throw new Error(`no messages in ${file}`);
  const rate = Number(rateText);
  const seconds = Number(secondsText);
  const sink = createSocket('udp4');
  let port = Number(portText);
  if (port === 0) {
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    port = sink.address().port;
  }
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.connect(port, host, resolve));
  let sent = 0;
  let errors = 0;
  const start = performance.now();
  const elapsed = (): number => (performance.now() - start) / 1000;
  await new Promise<void>((resolve) => {
    const burst = (): void => {
      if (elapsed() >= seconds) {
        resolve();
        return;
      }
      const due = rate > 0 ? Math.floor(rate * elapsed()) + 1 - sent : 256;
      for (let i = 0; i < Math.min(due, 256); i++) {
        socket.send(messages[sent % messages.length] as Buffer, (err) => {
          if (err) errors++;
        });
        sent++;
      }
      setImmediate(burst);
    };
    burst();
  });
  process.stdout.write(`sent ${sent} seconds ${elapsed().toFixed(6)} errors ${errors}\n`);
  socket.close();
  sink.close();
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`node-udp-sender: ${String(err)}\n`);
  process.exit(2);
});
