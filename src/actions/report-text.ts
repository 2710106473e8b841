import { LOG, type RunContext } from './run-context.js';

/**
 * ACT-report: a context's event store as report pipes it, one line each; null (logged) for a
 * missing or empty context, for which report runs nothing. Also the body of `mailreport`.
 */
export function reportText(context: string, cx: RunContext): string | null {
  const lines = cx.ports.contexts.lines(context);
  if (lines === undefined) {
    cx.log(LOG.warn, `Context '${context}' does not exist, can't report`);
    return null;
  }
  if (lines.length === 0) {
    cx.log(LOG.debug, `Event store of context '${context}' is empty, nothing to report`);
    return null;
  }
  return lines.map((line) => `${line}\n`).join('');
}
