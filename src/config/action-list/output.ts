import type {
  ClosePeerAction,
  CloseSocketAction,
  FileWriteAction,
  PeerWriteAction,
  SocketWriteAction,
} from './ast.js';
import { perlRegex } from './perl-text.js';
import { targetOnly, targetWithText } from './shapes.js';
import { type ActionSpec, rest } from './spec.js';

/**
 * Output actions: logonly, files (write, writen, owritecl, closef) and sockets (udgram, ustream,
 * udpsock, tcpsock and their close actions). A peer's `host:port` form is checked only at run
 * time (ACT-udpsock), so any token is accepted here.
 */

const LOGONLY = perlRegex('^logonly(?:\\s+(.*\\S))?$');

// SEC ACT-logonly: `logonly [str]`
const logonly: ActionSpec = {
  keyword: 'logonly',
  args: [rest('STRING', true)],
  parse: (r) => {
    const m = r.match(LOGONLY);
    if (m === null) return r.mismatch();
    return r.done({ kind: 'logonly', offset: r.offset, text: r.orDefault(m[0], '%s') });
  },
};

// SEC ACT-write, ACT-writen, ACT-owritecl: `write FILE [str]`
const fileWrite = (kind: FileWriteAction['kind']): ActionSpec =>
  targetWithText(kind, 'FILE', 'file name', (offset, file, text) => ({ kind, offset, file, text }));

// SEC ACT-udgram, ACT-ustream: `udgram PATH [str]`
const socketWrite = (kind: SocketWriteAction['kind']): ActionSpec =>
  targetWithText(kind, 'PATH', 'socket path', (offset, path, text) => ({ kind, offset, path, text }));

// SEC ACT-udpsock, ACT-tcpsock: `udpsock HOST:PORT [str]`
const peerWrite = (kind: PeerWriteAction['kind']): ActionSpec =>
  targetWithText(kind, 'HOST:PORT', 'peer name', (offset, peer, text) => ({ kind, offset, peer, text }));

// SEC ACT-closeudgr, ACT-closeustr: `closeudgr PATH`
const socketClose = (kind: CloseSocketAction['kind']): ActionSpec =>
  targetOnly(kind, 'PATH', 'socket path', (offset, path) => ({ kind, offset, path }));

// SEC ACT-closeudp, ACT-closetcp: `closeudp HOST:PORT`
const peerClose = (kind: ClosePeerAction['kind']): ActionSpec =>
  targetOnly(kind, 'HOST:PORT', 'peer name', (offset, peer) => ({ kind, offset, peer }));

// SEC ACT-closef: `closef FILE`
const closef = targetOnly('closef', 'FILE', 'file name', (offset, file) => ({
  kind: 'closef',
  offset,
  file,
}));

export const OUTPUT_ACTIONS: readonly ActionSpec[] = [
  logonly,
  fileWrite('write'),
  fileWrite('writen'),
  fileWrite('owritecl'),
  closef,
  socketWrite('udgram'),
  socketClose('closeudgr'),
  socketWrite('ustream'),
  socketClose('closeustr'),
  peerWrite('udpsock'),
  peerClose('closeudp'),
  peerWrite('tcpsock'),
  peerClose('closetcp'),
];
