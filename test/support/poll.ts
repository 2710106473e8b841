/** How often `poll` asks, and whether a probe that throws means "not yet". */
export interface PollOptions {
  /** Pause between two probes; 50 ms unless given. */
  readonly everyMs?: number;
  /**
   * A probe that throws counts as "not yet" (a server still starting refuses connections); the
   * last error is reported at the deadline. Otherwise the first error fails the wait at once.
   */
  readonly tolerateErrors?: boolean;
}

/** What a probe answers while its condition does not hold yet. */
type NotYet = undefined | null | false;

/**
 * Polls `probe` until it answers something other than undefined, null or false (0 and '' are
 * answers), and resolves with that answer; throws once `timeoutMs` passed. For hooks and
 * helpers, where `expect.poll` is not allowed or cannot hand the value back. `what` names the
 * awaited thing in the timeout error (a function is called only then, to show the state at the
 * deadline).
 */
export async function poll<T>(
  probe: () => T | Promise<T>,
  what: string | (() => string),
  timeoutMs = 10_000,
  { everyMs = 50, tolerateErrors = false }: PollOptions = {},
): Promise<Exclude<T, NotYet>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const answer = await probe();
      if (answer !== undefined && answer !== null && answer !== false) return answer as Exclude<T, NotYet>;
    } catch (error) {
      if (!tolerateErrors) throw error;
      last = error;
    }
    if (Date.now() > deadline) {
      const name = typeof what === 'string' ? what : what();
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${name}${last === null ? '' : ` (last error: ${String(last)})`}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
