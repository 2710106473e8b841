/**
 * The shapes shared by the syslog network listeners (issue 5): what a listener is asked to do
 * (ListenerSpec, ListenerOptions) and what it hands to the engine (RawMessage, one per syslog
 * message: a UDP datagram or a TCP/TLS frame, still unparsed).
 */

export type Transport = 'udp' | 'tcp' | 'tls';

export interface RawMessage {
  readonly bytes: Uint8Array;
  /** The peer's address only; an IPv4-mapped IPv6 peer (`::ffff:a.b.c.d`) is shown as `a.b.c.d`. */
  readonly peer: string;
  readonly peerPort: number;
  readonly transport: Transport;
  /** The --input value of the listener that received it. */
  readonly listener: string;
  /** That listener's place among the specs SyslogListeners was given. */
  readonly index: number;
  /** SEC's internal context for the input (the optional `=NAME`). */
  readonly context: string | null;
  /** Longer than maxFrame (cut), or cut short by the end of its connection. */
  readonly truncated: boolean;
  /** performance.now() milliseconds when the message was read (for the receipt → rules latency). */
  readonly receivedAt: number;
}

export interface ListenerSpec {
  /** As given to --input: udp://host:port, tcp://[::]:port=NAME, tls://... */
  readonly url: string;
  /** An IP address (IPv6 with or without brackets) or a host name. */
  readonly host: string;
  readonly port: number;
  readonly transport: Transport;
  readonly context: string | null;
  /** This listener's own settings (from the URL's `?name=value&…`), over the process-wide ones. */
  readonly options?: Partial<ListenerOptions>;
}

export interface TlsOptions {
  /** Paths of PEM files. */
  readonly cert: string;
  readonly key: string;
  /** When set, clients must present a certificate signed by this CA. */
  readonly ca?: string;
  /** When set (with ca), the client certificate's CN or a DNS subjectAltName must be listed. */
  readonly allowSubjects?: readonly string[];
}

export interface ListenerOptions {
  /** Largest message kept, in bytes; longer ones are cut and flagged. */
  readonly maxFrame: number;
  /** Open TCP/TLS connections per listener; extra ones are accepted and closed at once. */
  readonly maxConnections: number;
  /** SO_RCVBUF requested for UDP sockets (the kernel may grant another size); null = system default. */
  readonly udpRecvBuffer: number | null;
  /** CIDR lists (IPv4, IPv6); see acl.ts for the decision. */
  readonly allow: readonly string[];
  readonly deny: readonly string[];
  /** Per-source-IP messages per second; null = no limit. */
  readonly ratePerSec: number | null;
  readonly rateBurst: number;
  /** Sources tracked by the rate limiter (least recently seen forgotten first). */
  readonly rateSources: number;
  readonly tls?: TlsOptions;
  /** Queued messages beyond which UDP datagrams are dropped (counted as queueFull). */
  readonly queueLimit: number;
  /** TCP/TLS peers are paused when this many messages are queued, resumed below lowWater. */
  readonly highWater: number;
  readonly lowWater: number;
  /** Milliseconds a TLS client has to finish its handshake. */
  readonly tlsHandshakeTimeout: number;
}

export const DEFAULT_LISTENER_OPTIONS: Readonly<ListenerOptions> = Object.freeze({
  maxFrame: 65536,
  maxConnections: 1000,
  udpRecvBuffer: null,
  allow: [],
  deny: [],
  ratePerSec: null,
  rateBurst: 100,
  rateSources: 10000,
  queueLimit: 100000,
  highWater: 10000,
  lowWater: 5000,
  tlsHandshakeTimeout: 10000,
});

/** Where one listener is bound. */
export interface BoundAddress {
  readonly spec: ListenerSpec;
  readonly address: string;
  readonly port: number;
  /** UDP: the receive buffer size the kernel granted (Linux reports twice the request). */
  readonly recvBuffer?: number;
}

/** The counts every listener keeps (one shared-memory slot each, intake.ts), in metrics order. */
export const LISTENER_COUNTER_NAMES = [
  'received',
  'bytes',
  'denied',
  'rateLimited',
  'queueFull',
  'oversize',
  'framingErrors',
  'connectionsAccepted',
  'connectionsRejected',
  'connectionsDenied',
  /** A gauge: TCP/TLS connections open now. */
  'connectionsOpen',
  'tlsHandshakeFailures',
  'tlsSubjectRejected',
] as const;

export type ListenerCounterName = (typeof LISTENER_COUNTER_NAMES)[number];

/** One listener's counts since it started (issue 5/6: exported as metrics, shown in dumps). */
export type ListenerStats = Readonly<Record<ListenerCounterName, number>> & {
  readonly url: string;
  readonly transport: Transport;
  /** UDP: the receive buffer the kernel granted; null for TCP/TLS or when unknown. */
  readonly recvBuffer: number | null;
  /** UDP: datagrams the kernel dropped on this port (/proc/net/udp{,6}); null when unknown. */
  readonly kernelDrops: number | null;
};
