import type { Registration } from '../registry/Registration.js';

/**
 * The shared call counter of one counting runner: a dispatch that runs every handler of its section
 * adds one here instead of one per handler; a dispatch that ends early (a stop, a failure) takes
 * back the calls of the handlers it did not run from their own stats. {@link flushTally} moves the
 * count into the handlers' stats (before `stats()` reads them, and when the runner is collected).
 */
export interface StatsTally {
  /** Dispatches counted since the last flush. */
  n: number;
  /** Dispatches left until the next timed one (see `STATS_SAMPLE_EVERY`). */
  wait: number;
  /** The gap to the timed dispatch after the next one: doubles up to `STATS_SAMPLE_EVERY`. */
  every: number;
  /** The section's registrations, in order. */
  readonly regs: readonly Registration[];
}

/** Adds the tally's dispatches to the calls of each of its handlers and sets it back to zero. */
export function flushTally(tally: StatsTally): void {
  const n = tally.n;
  if (n === 0) return;
  tally.n = 0;
  for (const reg of tally.regs) reg.stats.calls += n;
}
