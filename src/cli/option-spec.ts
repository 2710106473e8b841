import type { SecOptions } from './types.js';

/**
 * How an option takes its value, mirroring SEC's Getopt::Long specs (OPT-syntax):
 * flag `name`, negatable `name!` (also `--noname`, `--no-name`), integer `name=i`,
 * extended-integer `name=o` (0x…, 0b…, 0… octal, else decimal), float `name=f`,
 * string `name=s`, list `name=s` bound to an array (repeatable, every value kept).
 */
export type OptionKind = 'flag' | 'negatable' | 'integer' | 'extended-integer' | 'float' | 'string' | 'list';

/**
 * SEC's revalidation after parsing (OPT-revalidate): a failing check prints a message and puts the
 * option back to its default (a list drops its empty members). `requires` resets this option when it
 * is in effect (> 0, non-empty, set) but the other one is not; it runs once both have been checked.
 */
export type OptionCheck =
  | { readonly test: 'non-empty' }
  | { readonly test: 'non-negative' }
  | { readonly test: 'positive' }
  | { readonly test: 'range'; readonly min: number; readonly max: number; readonly shown: string }
  | { readonly test: 'requires'; readonly option: keyof SecOptions }
  // syscorr additions
  | { readonly test: 'listener-url' }
  | { readonly test: 'listen-address' }
  | { readonly test: 'smtp-url' };

export type OptionValue = boolean | number | string | null | readonly string[];

export interface OptionSpec {
  /** The name SEC gives first in its spec; Getopt::Long uses it in its messages. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: OptionKind;
  readonly default: OptionValue;
  readonly checks: readonly OptionCheck[];
  /** A string option that also has `--noNAME`, which puts it back to its default (syscorr `--nometrics`). */
  readonly negatable?: boolean;
  /**
   * What `--noNAME` sets when it must differ from "not given" (the default): `--nometrics` sets
   * false, so metrics that are on by default in appliance mode can be turned off.
   */
  readonly negatedValue?: OptionValue;
  /** The row of ../shared/sec-features.md that defines the behaviour (`syscorr-*` for the additions). */
  readonly feature: string;
  readonly origin: 'sec' | 'syscorr';
  /**
   * `accepted`: parsed and revalidated here, its behaviour belongs to a later issue;
   * `implemented`: this module already provides the behaviour (usage and version texts).
   */
  readonly status: 'accepted' | 'implemented';
  /** The value placeholder in the usage text. */
  readonly arg?: string;
  readonly summary: string;
}
