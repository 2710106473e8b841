import { DEVICE_VECTORS } from './devices.js';
import { MALFORMED_VECTORS } from './malformed.js';
import { RFC3164_VECTORS } from './rfc3164.js';
import { RFC5424_VECTORS } from './rfc5424.js';
import type { Vector } from './types.js';

export { type Category, DEFAULT_NOW, mismatches, type Vector } from './types.js';

export const ALL_VECTORS: readonly Vector[] = [
  ...RFC5424_VECTORS,
  ...RFC3164_VECTORS,
  ...DEVICE_VECTORS,
  ...MALFORMED_VECTORS,
];
