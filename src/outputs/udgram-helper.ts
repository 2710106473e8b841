import type { LogLevel } from '../actions/ports.js';

/**
 * The Perl side of SEC ACT-udgram / ACT-closeudgr. Node.js 20 cannot create AF_UNIX SOCK_DGRAM
 * sockets, so one long-lived `perl -e` process owns them (Socket, Errno and IO::Handle all ship in
 * perl-base, an Essential Debian package, so perl is present in the node:20-bookworm-slim image).
 * The code is a string constant rather than a .pl file so that `tsc` carries it into dist/ and the
 * Docker image copies nothing else. It follows SEC 2.9.1 execute_udgram_action, send_to_socket and
 * execute_closeudgr_action step by step and builds their log messages itself, because only it
 * knows which branch was taken (cached socket, missing file, hard or soft send error, retry).
 * It exits at end of input, which closes every socket it holds.
 */
export const UDGRAM_HELPER_SOURCE = String.raw`use strict;
use Errno qw(EINTR EAGAIN EWOULDBLOCK EMSGSIZE);
use IO::Handle;
use Socket qw(PF_UNIX SOCK_DGRAM sockaddr_un);

# syscorr's udgram helper (udgram-helper.ts). Frames on stdin: op (S send, W send an event
# with wide chars, C close), path length, data length (32-bit big-endian), path, data.
# Replies on stdout, one line each: "<level>[u] <hex message>" (u: the message is UTF-8),
# "O <hex path>" (socket cached), "X <hex path>" (socket dropped).
binmode STDIN;
binmode STDOUT;
STDOUT->autoflush(1);
# Once syscorr has exited, the frames it wrote are still sent: replies are lost, not fatal.
$SIG{PIPE} = 'IGNORE';
my %sock;
my $utf = '';

sub hex_of { return unpack('H*', $_[0]); }
sub report { print STDOUT $_[0], $utf, ' ', hex_of($_[1]), "\n"; }

sub readn {
  my ($n) = @_;
  my $buf = '';
  while (length($buf) < $n) {
    my $r = sysread(STDIN, $buf, $n - length($buf), length($buf));
    if (!defined($r)) { next if $! == EINTR; exit(0); }
    exit(0) if $r == 0;
  }
  return $buf;
}

# Drops a cached socket; returns the close error text, or undef.
sub forget {
  my ($path) = @_;
  my $err = close($sock{$path}) ? undef : "$!";
  delete $sock{$path};
  print STDOUT 'X ', hex_of($path), "\n";
  return $err;
}

# SEC send_to_socket: 0 hard error (drop the socket), 1 soft error or partial send, 2 sent.
sub transmit {
  my ($s, $event, $dest, $wide) = @_;
  if ($wide) { report(6, "Error when sending event '$event' to $dest (Wide character in send)"); return 1; }
  for (;;) {
    my $n = send($s, $event, 0);
    if (!defined($n)) {
      next if $! == EINTR;
      report(6, "Error when sending event '$event' to $dest ($!)");
      return ($! == EWOULDBLOCK || $! == EAGAIN || $! == EMSGSIZE) ? 1 : 0;
    }
    if ($n != length($event)) { report(6, "$n bytes of '$event' sent to $dest"); return 1; }
    return 2;
  }
}

# SEC execute_udgram_action after its first debug line.
sub udgram {
  my ($path, $event, $wide) = @_;
  my $dest = "socket '$path'";
  if (exists($sock{$path})) {
    return if transmit($sock{$path}, $event, $dest, $wide);
    report(6, "Retrying to send event '$event' to $dest");
    forget($path);
  }
  if (!-S $path) { report(6, "Can't send event '$event' to $dest (socket does not exist)"); return; }
  my $h;
  if (!socket($h, PF_UNIX, SOCK_DGRAM, 0)) { report(2, "Can't create socket for sending event '$event' ($!)"); return; }
  if (!connect($h, sockaddr_un($path))) {
    report(6, "Can't connect to socket '$path' for sending event '$event' ($!)");
    return;
  }
  $h->blocking(0);
  $sock{$path} = $h;
  print STDOUT 'O ', hex_of($path), "\n";
  forget($path) if !transmit($h, $event, $dest, $wide);
}

# SEC execute_closeudgr_action after its first debug line.
sub closeudgr {
  my ($path) = @_;
  if (!exists($sock{$path})) { report(6, "Socket '$path' is not open, can't close"); return; }
  my $err = forget($path);
  report(3, "Error when closing socket '$path' ($err)") if defined($err);
}

for (;;) {
  my ($op, $plen, $dlen) = unpack('a1 N N', readn(9));
  my $body = readn($plen + $dlen);
  my $path = substr($body, 0, $plen);
  my $data = substr($body, $plen);
  $utf = $op eq 'W' ? 'u' : '';
  if ($op eq 'C') { closeudgr($path); } else { udgram($path, $data, $op eq 'W'); }
}
`;

/** Frame operations: send, send an event holding chars above 0xFF (sent as UTF-8, never transmitted), close. */
export type FrameOp = 'S' | 'W' | 'C';

const HEADER = 9;
const WIDE = /[^\u0000-\u00ff]/;

/** Our strings hold one byte per char (latin1); one with a wider char is passed on as UTF-8, as Perl would. */
function bytesOf(text: string): Buffer {
  return Buffer.from(text, WIDE.test(text) ? 'utf8' : 'latin1');
}

/** One request to the helper: op, path length and data length (32-bit big-endian), path, data. */
export function encodeFrame(op: FrameOp, path: string, data: string): Buffer {
  const p = bytesOf(path);
  const d = bytesOf(data);
  const frame = Buffer.allocUnsafe(HEADER + p.length + d.length);
  frame.write(op, 0, 'latin1');
  frame.writeUInt32BE(p.length, 1);
  frame.writeUInt32BE(d.length, 5);
  p.copy(frame, HEADER);
  d.copy(frame, HEADER + p.length);
  return frame;
}

/** One line of the helper's output: a message to log, or a socket it has cached or dropped. */
export type HelperReply =
  | { readonly kind: 'log'; readonly level: LogLevel; readonly message: string }
  | { readonly kind: 'open' | 'closed'; readonly path: string };

const REPLY = /^([1-6OX])(u?) ((?:[0-9a-f]{2})*)$/;

/** Parses one output line (without its newline); null for anything else (never thrown). */
export function parseReply(line: string): HelperReply | null {
  const m = REPLY.exec(line);
  if (m === null || m[1] === undefined || m[3] === undefined) return null;
  const bytes = Buffer.from(m[3], 'hex');
  if (m[1] === 'O' || m[1] === 'X') {
    return { kind: m[1] === 'O' ? 'open' : 'closed', path: bytes.toString('latin1') };
  }
  const message = bytes.toString(m[2] === 'u' ? 'utf8' : 'latin1');
  return { kind: 'log', level: Number(m[1]) as LogLevel, message };
}
