import type { StructuredData, SyslogFormat, SyslogMessage } from './types.js';

/** A message being filled in by one parse call (local to the call, never shared). */
export interface Draft {
  format: SyslogFormat;
  readonly errors: string[];
  facility: number;
  severity: number;
  timestamp: number | null;
  timestampText: string | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: StructuredData | null;
  message: string;
  classicContent: string | null;
}

export function newDraft(format: SyslogFormat, facility: number, severity: number): Draft {
  return {
    format,
    errors: [],
    facility,
    severity,
    timestamp: null,
    timestampText: null,
    hostname: null,
    appName: null,
    procId: null,
    msgId: null,
    structuredData: null,
    message: '',
    classicContent: null,
  };
}

export function finish(d: Draft): SyslogMessage {
  const { errors, ...fields } = d;
  return { ...fields, valid: errors.length === 0, error: errors.length === 0 ? null : errors.join('; ') };
}
