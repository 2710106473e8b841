import type { Logger, OutputPort } from '../actions/ports.js';
import { UdpSockets, UnixDatagrams } from './datagrams.js';
import { FileOutputs, type StdoutWriter, writeStdoutSync } from './files.js';
import { StreamSockets, TCP_KIND, USTREAM_KIND } from './sockets.js';

export interface OutputsDeps {
  readonly logger: Logger;
  /** --socket-timeout (OPT-socket-timeout): seconds a tcpsock/ustream connect may stay pending. */
  readonly socketTimeout: number;
  /** Standard output for `write -` and `owritecl -`; defaults to synchronous writes to fd 1. */
  readonly stdoutWrite?: StdoutWriter;
}

/**
 * Everything the output actions write to (SEC ACT-write .. ACT-closetcp): files and FIFOs, UNIX
 * stream and datagram sockets, UDP and TCP peers. Nothing here blocks the engine: files are
 * appended synchronously (as SEC's syswrite), sockets are non-blocking.
 */
export class Outputs implements OutputPort {
  readonly #files: FileOutputs;
  readonly #udgram: UnixDatagrams;
  readonly #ustream: StreamSockets;
  readonly #udp: UdpSockets;
  readonly #tcp: StreamSockets;

  constructor(deps: OutputsDeps) {
    this.#files = new FileOutputs(deps.logger, deps.stdoutWrite ?? writeStdoutSync);
    this.#udgram = new UnixDatagrams(deps.logger);
    this.#ustream = new StreamSockets(USTREAM_KIND, deps.logger, deps.socketTimeout);
    this.#udp = new UdpSockets(deps.logger);
    this.#tcp = new StreamSockets(TCP_KIND, deps.logger, deps.socketTimeout);
  }

  write(file: string, text: string, newline: boolean): void {
    this.#files.write(file, text, newline);
  }

  owritecl(file: string, text: string): void {
    this.#files.owritecl(file, text);
  }

  closef(file: string): void {
    this.#files.closef(file);
  }

  udgram(path: string, text: string): void {
    this.#udgram.send(path, text);
  }

  closeudgr(path: string): void {
    this.#udgram.close(path);
  }

  ustream(path: string, text: string, now: number): void {
    this.#ustream.send(path, text, now);
  }

  closeustr(path: string): void {
    this.#ustream.close(path);
  }

  udpsock(peer: string, text: string): void {
    this.#udp.send(peer, text);
  }

  closeudp(peer: string): void {
    this.#udp.close(peer);
  }

  tcpsock(peer: string, text: string, now: number): void {
    this.#tcp.send(peer, text, now);
  }

  closetcp(peer: string): void {
    this.#tcp.close(peer);
  }

  /** SEC close_outputs: on HUP, ABRT and USR2 every file and socket is closed. */
  closeAll(): void {
    this.#files.closeAll();
    this.#ustream.closeAll();
    this.#udp.closeAll();
    this.#tcp.closeAll();
    this.#udgram.closeAll();
  }

  /** SEC TM-cleanup step 3: abandon TCP and UNIX-stream connects pending past --socket-timeout. */
  checkSockets(now: number): void {
    this.#ustream.check(now);
    this.#tcp.check(now);
  }

  /** What is open, for the dump and metrics. */
  describe(): { files: string[]; ustream: string[]; udp: string[]; tcp: string[]; udgram: string[] } {
    return {
      udgram: this.#udgram.paths(),
      files: this.#files.openFiles(),
      ustream: this.#ustream.peers().map((p) => p.peer),
      udp: this.#udp.peers(),
      tcp: this.#tcp.peers().map((p) => p.peer),
    };
  }
}
