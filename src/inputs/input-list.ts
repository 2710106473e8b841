import type { Logger } from '../actions/ports.js';
import type { InputSetSpec } from './types.js';

/** Perl's `sort`: plain byte order of the names (as UTF-8), which is code-point order. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * SEC open_input, its first half (OPT-input): every pattern globbed, each file with its context;
 * a file matched by several patterns takes the last definition. Dynamic inputs (ACT-addinput)
 * are merged in; one that the command line now names stops being dynamic (it is deleted from
 * `dynamic`, with a notice).
 */
export function wantedInputs(
  specs: readonly InputSetSpec[],
  expand: (pattern: string) => string[],
  dynamic: Map<string, string>,
  logger: Logger,
): Map<string, string | null> {
  const wanted = new Map<string, string | null>();
  for (const spec of specs) {
    for (const name of expand(spec.pattern)) wanted.set(name, spec.context);
  }
  for (const [name, context] of dynamic) {
    if (wanted.has(name)) {
      logger.log(
        4,
        `Dynamic input file ${name} has been provided in command line and is no longer regarded dynamic`,
      );
      dynamic.delete(name);
    } else {
      wanted.set(name, context);
    }
  }
  return wanted;
}

/** ACT-addinput: OFFSET is `-` (EOF) or a decimal number, optionally surrounded by white space. */
export function parseAddinputOffset(position: string): number | null {
  const m = /^[ \t\n\r\f\v]*(-|[0-9]+)[ \t\n\r\f\v]*$/.exec(position);
  if (m === null) return null;
  return m[1] === '-' ? -1 : Number(m[1]);
}
