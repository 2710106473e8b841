/** One event as the engine sees it, whatever its source (file, stdin, listener, synthetic). */
export interface EngineEvent {
  /** The line, latin1-decoded (one char per byte, HP-bytes), without its newline. */
  readonly line: string;
  /** The input it came from as given or expanded (`-` for stdin); null for synthetic and internal events. */
  readonly source: string | null;
  /** Its internal context name (IE-intcontext): the --input CTX, `_FILE_EVENT_<file>`, cevent/cspawn name, ... */
  readonly context: string | null;
  /**
   * Reserved match variables of a syslog message ($+{_host}, $+{_severity}, …), offered beside
   * $+{_inputsrc} by RegExp patterns; undefined for file lines and synthetic events.
   */
  readonly fields?: Readonly<Record<string, string>>;
}

/** The internal context of synthetic events without a name of their own (IE-intcontext). */
export const SYNTHETIC_CONTEXT = '_INTERNAL_EVENT';
/** The internal context of SEC_* internal events (IE-context). */
export const INTERNAL_EVENT_CONTEXT = 'SEC_INTERNAL_EVENT';
