import type { ActionList } from '../../config/action-list/index.js';
import type { ContextRecord } from './context.js';

/** One context as the dump and the metrics see it (sec-features CTX-model, VD-trim). */
export interface ContextSnapshot {
  /** All names, oldest first (SEC prints them in hash order). */
  readonly names: readonly string[];
  readonly initTime: number;
  readonly ctime: number;
  /** 0 = infinite. */
  readonly lifetime: number;
  readonly actions: ActionList | null;
  /** The `%s` saved with the expiry list. */
  readonly desc: string;
  readonly lines: readonly string[];
  /** When each line was stored ("received at"), aligned with `lines`. */
  readonly lineTimes: readonly number[];
  /** True while its expiry list runs. */
  readonly expiring: boolean;
}

/** A copy that stays valid however the store changes afterwards. */
export function toSnapshot(ctx: ContextRecord): ContextSnapshot {
  return {
    names: [...ctx.names],
    initTime: ctx.initTime,
    ctime: ctx.ctime,
    lifetime: ctx.lifetime,
    actions: ctx.actions,
    desc: ctx.desc,
    lines: ctx.store.lines.slice(),
    lineTimes: ctx.store.times.slice(),
    expiring: ctx.expiring,
  };
}
