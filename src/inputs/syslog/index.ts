export { Acl, type Cidr, cidrContains, compileAcl, parseCidr } from './acl.js';
export { Counters, Intake, type IntakeOptions, type Pausable } from './intake.js';
export { normalizePeer } from './listener-context.js';
export { SyslogListeners, type SyslogListenersDeps } from './listener-set.js';
export { RateLimiter, type RateLimitOptions } from './rate-limit.js';
export { certificateNames } from './tls.js';
export {
  type BoundAddress,
  DEFAULT_LISTENER_OPTIONS,
  type ListenerOptions,
  type ListenerSpec,
  type ListenerStats,
  type RawMessage,
  type TlsOptions,
  type Transport,
} from './types.js';
export { kernelUdpDrops, parseUdpDrops } from './udp-drops.js';
