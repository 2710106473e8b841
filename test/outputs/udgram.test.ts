import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnixDatagrams } from '../../src/outputs/datagrams.js';
import { Outputs } from '../../src/outputs/outputs.js';
import { encodeFrame, parseReply } from '../../src/outputs/udgram-helper.js';
import { describeWithProgram } from '../support/external.js';
import { RecordingLogger, tempDir, until } from './helpers.js';

/** Binds a UNIX datagram socket and prints each datagram as one hex line. */
const RECEIVER = String.raw`
use Socket; use IO::Handle; STDOUT->autoflush(1);
socket(my $s, PF_UNIX, SOCK_DGRAM, 0) or die "socket: $!";
bind($s, sockaddr_un($ARGV[0])) or die "bind: $!";
print "ready\n";
while (defined(recv($s, my $buf, 262144, 0))) { print unpack('H*', $buf), "\n"; }
`;

interface Receiver {
  /** Each datagram received, as a byte string (latin1). */
  readonly got: string[];
  readonly proc: ChildProcess;
}

let tmp: ReturnType<typeof tempDir>;
let logger: RecordingLogger;
let udgram: UnixDatagrams;
const procs: ChildProcess[] = [];

beforeEach(() => {
  tmp = tempDir();
  logger = new RecordingLogger();
  udgram = new UnixDatagrams(logger);
});

afterEach(() => {
  udgram.closeAll();
  for (const p of procs.splice(0)) p.kill('SIGKILL');
  tmp.remove();
});

async function receiver(path: string): Promise<Receiver> {
  const proc = spawn('perl', ['-e', RECEIVER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  procs.push(proc);
  const got: string[] = [];
  let ready = false;
  let rest = '';
  proc.stdout.setEncoding('latin1');
  proc.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') ready = true;
      else got.push(Buffer.from(line, 'hex').toString('latin1'));
    }
  });
  await until(() => ready, 3000);
  return { got, proc };
}

function debug(): string[] {
  return logger.messages(6);
}

describe('udgram through the perl helper (ACT-udgram)', () => {
  it('ACT-udgram: exact bytes, 0x00 and 0xFF included, one datagram per call, no newline added', async () => {
    const path = tmp.path('log.sock');
    const r = await receiver(path);
    const bytes = 'a\x00b\xff\xfe\n\x01z';
    udgram.send(path, bytes);
    udgram.send(path, '');
    udgram.send(path, 'line one\nline two');
    udgram.send(path, '<13>last');
    await until(() => r.got.length === 4);
    expect(r.got).toEqual([bytes, '', 'line one\nline two', '<13>last']);
    expect(debug()[0]).toBe(`Sending event '${bytes}' to unix datagram socket '${path}'`);
    expect(logger.messages().filter((m) => !m.startsWith('Sending event'))).toEqual([]);
  });

  it('ACT-udgram: the socket is cached per path (a recreated socket file is not seen until closeudgr)', async () => {
    const path = tmp.path('a.sock');
    const other = tmp.path('b.sock');
    const first = await receiver(path);
    const b = await receiver(other);
    udgram.send(path, 'one');
    udgram.send(other, 'to b');
    await until(() => first.got.length === 1 && b.got.length === 1);
    expect(udgram.paths().sort()).toEqual([path, other].sort());
    // A server restart: the file is replaced, the old server still holds the old socket.
    unlinkSync(path);
    const second = await receiver(path);
    udgram.send(path, 'two');
    await until(() => first.got.length === 2);
    expect(second.got).toEqual([]);
    udgram.close(path); // SEC ACT-closeudgr
    udgram.send(path, 'three');
    await until(() => second.got.length === 1);
    expect(first.got).toEqual(['one', 'two']);
    expect(second.got).toEqual(['three']);
    expect(debug()).toContain(`Closing unix datagram socket '${path}'`);
    expect(b.got).toEqual(['to b']);
  });

  it('ACT-udgram: a hard send error drops the socket and retries once on a new one', async () => {
    const path = tmp.path('r.sock');
    const first = await receiver(path);
    udgram.send(path, 'before');
    await until(() => first.got.length === 1);
    unlinkSync(path);
    const second = await receiver(path);
    first.proc.kill('SIGKILL');
    await new Promise((resolve) => first.proc.once('exit', resolve));
    udgram.send(path, 'after');
    await until(() => second.got.length === 1);
    expect(second.got).toEqual(['after']);
    const sendError = `Error when sending event 'after' to socket '${path}' (Connection refused)`;
    expect(debug()).toContain(sendError);
    expect(debug().indexOf(`Retrying to send event 'after' to socket '${path}'`)).toBeGreaterThan(
      debug().indexOf(sendError),
    );
  });

  it('ACT-udgram: a missing path or a non-listening socket file is logged at debug level, nothing crashes', async () => {
    const missing = tmp.path('none');
    udgram.send(missing, 'x');
    await logger.waitFor(/socket does not exist/);
    expect(debug()).toContain(`Can't send event 'x' to socket '${missing}' (socket does not exist)`);
    const path = tmp.path('dead.sock');
    const r = await receiver(path);
    r.proc.kill('SIGKILL'); // the socket file stays, nobody reads it
    await new Promise((resolve) => r.proc.once('exit', resolve));
    udgram.send(path, 'y');
    await logger.waitFor(/Can't connect to socket/);
    expect(debug()).toContain(`Can't connect to socket '${path}' for sending event 'y' (Connection refused)`);
    expect(udgram.paths()).toEqual([]);
    expect(logger.messages(2)).toEqual([]);
  });

  it('ACT-udgram: an event with a char above 0xFF is logged as Perl send() would fail, the socket is kept', async () => {
    const path = tmp.path('w.sock');
    const r = await receiver(path);
    udgram.send(path, 'ok');
    udgram.send(path, 'euro \u20ac');
    udgram.send(path, 'ok again');
    await until(() => r.got.length === 2);
    expect(r.got).toEqual(['ok', 'ok again']);
    expect(debug()).toContain(
      `Error when sending event 'euro \u20ac' to socket '${path}' (Wide character in send)`,
    );
    expect(udgram.paths()).toEqual([path]);
  });
});

describe('soft send errors keep the socket (SEC send_to_socket)', () => {
  it('ACT-udgram: a full receive queue (EAGAIN) is only logged: no retry, the socket is kept', async () => {
    const path = tmp.path('full.sock');
    const r = await receiver(path);
    udgram.send(path, 'first');
    await until(() => r.got.length === 1);
    r.proc.kill('SIGSTOP');
    for (let i = 0; i < 40; i++) udgram.send(path, `n${i}`);
    await logger.waitFor(/\(Resource temporarily unavailable\)$/);
    r.proc.kill('SIGCONT');
    const errors = () => debug().filter((m) => m.startsWith('Error when sending'));
    await until(() => errors().length + r.got.length === 41);
    udgram.send(path, 'after');
    await until(() => r.got.at(-1) === 'after');
    expect(debug().some((m) => m.startsWith('Retrying'))).toBe(false);
    for (const m of errors()) {
      expect(m).toMatch(
        new RegExp(
          `^Error when sending event 'n\\d+' to socket '.*' \\(Resource temporarily unavailable\\)$`,
        ),
      );
    }
    expect(udgram.paths()).toEqual([path]);
  });

  it('ACT-udgram: a datagram too large for the socket (EMSGSIZE) is only logged, the next one goes out', async () => {
    const path = tmp.path('big.sock');
    const r = await receiver(path);
    const huge = 'h'.repeat(300_000); // above the default SO_SNDBUF (212992)
    udgram.send(path, huge);
    udgram.send(path, 'small');
    await until(() => r.got.length === 1);
    expect(r.got).toEqual(['small']);
    expect(debug()).toContain(`Error when sending event '${huge}' to socket '${path}' (Message too long)`);
    expect(debug().some((m) => m.startsWith('Retrying'))).toBe(false);
  });
});

describe('closeudgr and closeAll (ACT-closeudgr, SIG-HUP)', () => {
  it('ACT-closeudgr: a path that is not open is logged, and no helper is started for it', async () => {
    udgram.close('/no/such.sock');
    expect(udgram.helperPid()).toBeUndefined();
    expect(debug()).toEqual([
      "Closing unix datagram socket '/no/such.sock'",
      "Socket '/no/such.sock' is not open, can't close",
    ]);
    const path = tmp.path('c.sock');
    const r = await receiver(path);
    udgram.send(path, 'x');
    await until(() => r.got.length === 1);
    udgram.close(tmp.path('other.sock'));
    await logger.waitFor(/other\.sock' is not open/);
    expect(udgram.paths()).toEqual([path]);
  });

  it('SIG-HUP: closeAll ends the helper, which closes its sockets; the next udgram starts a new one', async () => {
    const path = tmp.path('h.sock');
    const first = await receiver(path);
    udgram.send(path, 'one');
    await until(() => first.got.length === 1);
    const pid = udgram.helperPid();
    unlinkSync(path);
    const second = await receiver(path);
    udgram.closeAll();
    expect(udgram.helperPid()).toBeUndefined();
    expect(udgram.paths()).toEqual([]);
    udgram.send(path, 'two');
    await until(() => second.got.length === 1);
    expect(udgram.helperPid()).not.toBe(pid);
    expect(first.got).toEqual(['one']);
    expect(logger.messages(2)).toEqual([]);
  });
});

describe('the helper process', () => {
  it('a dead helper is logged once and restarted on the next use', async () => {
    const path = tmp.path('d.sock');
    const r = await receiver(path);
    udgram.send(path, 'one');
    await until(() => r.got.length === 1);
    const pid = udgram.helperPid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid as number, 'SIGKILL');
    await logger.waitFor(/udgram helper .* died \(signal SIGKILL\)/);
    expect(udgram.paths()).toEqual([]);
    udgram.send(path, 'two');
    udgram.send(path, 'three');
    await until(() => r.got.length === 3);
    expect(r.got).toEqual(['one', 'two', 'three']);
    expect(udgram.helperPid()).not.toBe(pid);
    expect(logger.messages(2)).toHaveLength(1);
  });

  it('a perl that cannot be started is logged once; events are dropped without a crash until closeAll', async () => {
    const broken = new UnixDatagrams(logger, { perl: tmp.path('no-perl') });
    broken.send('/x.sock', 'a');
    await logger.waitFor(/Can't start the udgram helper/);
    broken.send('/x.sock', 'b');
    broken.send('/x.sock', 'c');
    expect(logger.messages(2)).toHaveLength(1);
    expect(logger.messages(2)[0]).toMatch(/ENOENT/);
    expect(debug()).toContain(`Can't send event 'c' to socket '/x.sock' (udgram helper is not running)`);
    broken.closeAll();
    broken.send('/x.sock', 'd');
    await until(() => logger.messages(2).length === 2);
  });

  it('a helper that does not keep up: past the queue limit events are dropped and logged, never queued', async () => {
    const path = tmp.path('q.sock');
    const r = await receiver(path);
    const bounded = new UnixDatagrams(logger, { queueLimit: 1000 });
    bounded.send(path, 'first');
    await until(() => r.got.length === 1);
    const pid = bounded.helperPid() as number;
    process.kill(pid, 'SIGSTOP');
    const big = 'x'.repeat(20_000);
    for (let i = 0; i < 20; i++) bounded.send(path, big);
    const dropped = debug().filter((m) => m.endsWith('(udgram helper queue is full)'));
    process.kill(pid, 'SIGCONT');
    expect(dropped.length).toBeGreaterThan(0);
    // The helper's own non-blocking sends may then meet a full receiver (EAGAIN): logged, not retried.
    const errors = () => debug().filter((m) => m.startsWith('Error when sending')).length;
    await until(() => r.got.length + errors() === 21);
    expect(r.got.slice(1).every((d) => d === big)).toBe(true);
    bounded.closeAll();
  });

  it('never keeps syscorr alive, and frames written just before it exits are still sent', async () => {
    const path = tmp.path('exit.sock');
    const r = await receiver(path);
    const script = tmp.path('exit.mts');
    const module = fileURLToPath(new URL('../../src/outputs/datagrams.ts', import.meta.url));
    writeFileSync(
      script,
      `import { UnixDatagrams } from ${JSON.stringify(module)};\n` +
        `const u = new UnixDatagrams({ log: () => {} });\n` +
        `u.send(${JSON.stringify(path)}, 'last words');\n`,
    );
    const node = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'ignore' });
    procs.push(node);
    const code = await new Promise((resolve) => node.once('exit', resolve));
    expect(code).toBe(0);
    await until(() => r.got.length === 1, 3000);
    expect(r.got).toEqual(['last words']);
  });

  it('works through Outputs (the OutputPort used by the action runner)', async () => {
    const outputs = new Outputs({ logger, socketTimeout: 60 });
    const path = tmp.path('o.sock');
    const r = await receiver(path);
    outputs.udgram(path, '<13>hello\xff');
    await until(() => r.got.length === 1);
    expect(r.got).toEqual(['<13>hello\xff']);
    outputs.closeudgr(path);
    await until(() => debug().length === 2);
    expect(debug()[1]).toBe(`Closing unix datagram socket '${path}'`);
  });
});

describe('helper protocol', () => {
  it('frames carry op, byte lengths, path and data; replies decode hex as latin1 (or UTF-8 with u)', () => {
    const frame = encodeFrame('S', '/p', 'a\x00\xff');
    expect([...frame]).toEqual([0x53, 0, 0, 0, 2, 0, 0, 0, 3, 0x2f, 0x70, 0x61, 0x00, 0xff]);
    expect(encodeFrame('W', '/p', '\u20ac').subarray(9 + 2)).toEqual(Buffer.from('\u20ac', 'utf8'));
    expect(parseReply(`6 ${Buffer.from('x\xff', 'latin1').toString('hex')}`)).toEqual({
      kind: 'log',
      level: 6,
      message: 'x\xff',
    });
    expect(parseReply(`3u ${Buffer.from('\u20ac').toString('hex')}`)).toEqual({
      kind: 'log',
      level: 3,
      message: '\u20ac',
    });
    expect(parseReply('O 2f61')).toEqual({ kind: 'open', path: '/a' });
    expect(parseReply('X 2f61')).toEqual({ kind: 'closed', path: '/a' });
    for (const bad of ['', '7 00', '6 0', 'O', 'junk', '6 zz']) expect(parseReply(bad)).toBeNull();
  });
});

describeWithProgram('sec', 'the same udgram actions through SEC 2.9.1 (ACT-udgram, ACT-closeudgr)', (sec) => {
  it('ACT-udgram: the same datagrams and the same debug messages as SEC', async () => {
    const path = tmp.path('s.sock');
    const missing = tmp.path('missing.sock');
    const lines = ['hello', '\x00a\xffb', 'last'];
    writeFileSync(tmp.path('in'), Buffer.from(lines.map((l) => `${l}\n`).join(''), 'latin1'));
    const rule = `type=Single\nptype=RegExp\npattern=^(.*)$\ndesc=x\naction=udgram ${path} $1; udgram ${missing} $1; closeudgr ${path}; closeudgr ${path}\n`;
    writeFileSync(tmp.path('rules.sec'), rule);
    const r = await receiver(path);
    const args = ['--notail', `--input=${tmp.path('in')}`, `--conf=${tmp.path('rules.sec')}`, '--debug=6'];
    const proc = spawn(sec, [...args, `--log=${tmp.path('sec.log')}`], { stdio: 'ignore' });
    await new Promise((resolve) => proc.once('exit', resolve));
    await until(() => r.got.length === 3);
    const secLog = readFileSync(tmp.path('sec.log'), 'latin1').split('\n');
    const start = secLog.findIndex((l) => l.includes('Opening input file'));
    const secMessages = secLog
      .slice(start + 1)
      .filter((l) => l !== '')
      .map((l) => l.replace(/^.*? \d{4}: /, ''));

    for (const line of lines) {
      udgram.send(path, line);
      udgram.send(missing, line);
      udgram.close(path);
      udgram.close(path);
    }
    await until(() => r.got.length === 6 && debug().length === secMessages.length);
    expect(r.got.slice(3)).toEqual(r.got.slice(0, 3));
    expect(r.got.slice(0, 3)).toEqual(lines);
    // The first line of each action is logged at once, the helper's lines arrive later: same lines, same order among each kind.
    const fromHelper = (m: string) => !m.startsWith('Sending event') && !m.startsWith('Closing unix');
    expect(debug().filter(fromHelper)).toEqual(secMessages.filter(fromHelper));
    expect(debug().filter((m) => !fromHelper(m))).toEqual(secMessages.filter((m) => !fromHelper(m)));
  });
});
