/**
 * Per-handler counters, collected while stats or tracing are on (see `registry.enableStats()`).
 *
 * `calls` and `errors` are exact. The durations are exact under tracing (every run is timed); with
 * stats alone they are estimated from a sample: a compiled synchronous dispatch times every handler
 * of dispatches 1, 2, 4, … 4096, then of one dispatch in 4096, and only counts the others, without
 * reading the clock. `totalMs` is then the mean of the timed runs times `calls`, `meanMs` that total
 * over `calls`, and `maxMs` the longest timed run.
 */
export interface HandlerStats {
  /** The name or pattern the handler was registered with. */
  readonly event: string;
  /** The owner, or `undefined`. */
  readonly plugin: string | undefined;
  /** The handler's name. */
  readonly handler: string;
  /** Runs (a retried run counts once). */
  readonly calls: number;
  /** Runs that failed (after retries) or timed out. */
  readonly errors: number;
  /** Total run time in milliseconds (estimated from the timed runs when only stats are on). */
  readonly totalMs: number;
  /** Mean run time in milliseconds, `totalMs / calls` (0 before the first timed run). */
  readonly meanMs: number;
  /** Longest timed run in milliseconds (with stats alone, of the sampled runs). */
  readonly maxMs: number;
}
