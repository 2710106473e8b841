import { type HandlerTable, LOG, type RunContext } from './run-context.js';

/**
 * SEC ACT-logonly .. ACT-closetcp: files and sockets. The runner expands the parameters; the
 * output port (src/outputs) logs SEC's debug lines (Writing/Sending/Closing …) and does the
 * opening, caching, errors and reconnects.
 */
export const OUTPUT_HANDLERS = {
  // SEC ACT-logonly: level 4 (notice).
  logonly: (a, cx) => {
    cx.log(LOG.notice, cx.expand(a, a.text));
    return 1;
  },
  // SEC ACT-write: text + "\n"; file '-' is standard output.
  write: (a, cx) => {
    const [file, text] = fileAndText(a, cx);
    cx.ports.outputs.write(file, text, true);
    return 1;
  },
  // SEC ACT-writen: no newline.
  writen: (a, cx) => {
    const [file, text] = fileAndText(a, cx);
    cx.ports.outputs.write(file, text, false);
    return 1;
  },
  // SEC ACT-owritecl: open, write without a newline, close, every time.
  owritecl: (a, cx) => {
    const [file, text] = fileAndText(a, cx);
    cx.ports.outputs.owritecl(file, text);
    return 1;
  },
  closef: (a, cx) => {
    const file = cx.expand(a, a.file);
    cx.ports.outputs.closef(file);
    return 1;
  },
  // SEC ACT-udgram: one datagram, no newline added.
  udgram: (a, cx) => {
    const path = cx.expand(a, a.path);
    const text = cx.expand(a, a.text);
    cx.ports.outputs.udgram(path, text);
    return 1;
  },
  closeudgr: (a, cx) => {
    const path = cx.expand(a, a.path);
    cx.ports.outputs.closeudgr(path);
    return 1;
  },
  // SEC ACT-ustream: no newline added; the port buffers while the connect is pending.
  ustream: (a, cx) => {
    const path = cx.expand(a, a.path);
    const text = cx.expand(a, a.text);
    cx.ports.outputs.ustream(path, text, cx.env.now);
    return 1;
  },
  closeustr: (a, cx) => {
    const path = cx.expand(a, a.path);
    cx.ports.outputs.closeustr(path);
    return 1;
  },
  // SEC ACT-udpsock: HOST:PORT, no newline added.
  udpsock: (a, cx) => {
    const peer = cx.expand(a, a.peer);
    const text = cx.expand(a, a.text);
    cx.ports.outputs.udpsock(peer, text);
    return 1;
  },
  closeudp: (a, cx) => {
    const peer = cx.expand(a, a.peer);
    cx.ports.outputs.closeudp(peer);
    return 1;
  },
  // SEC ACT-tcpsock: persistent connection, no newline added.
  tcpsock: (a, cx) => {
    const peer = cx.expand(a, a.peer);
    const text = cx.expand(a, a.text);
    cx.ports.outputs.tcpsock(peer, text, cx.env.now);
    return 1;
  },
  closetcp: (a, cx) => {
    const peer = cx.expand(a, a.peer);
    cx.ports.outputs.closetcp(peer);
    return 1;
  },
} as const satisfies HandlerTable<
  | 'logonly'
  | 'write'
  | 'writen'
  | 'owritecl'
  | 'closef'
  | 'udgram'
  | 'closeudgr'
  | 'ustream'
  | 'closeustr'
  | 'udpsock'
  | 'closeudp'
  | 'tcpsock'
  | 'closetcp'
>;

/** SEC expands the file first, then the text (both before anything is written). */
function fileAndText(a: { readonly file: string; readonly text: string }, cx: RunContext): [string, string] {
  const file = cx.expand(a, a.file);
  const text = cx.expand(a, a.text);
  return [file, text];
}
