/**
 * Per-handler counters, collected while stats or tracing are on (see `registry.enableStats()`).
 *
 * `calls` and `errors` are exact. The durations are exact under tracing (every run is timed); with
 * stats alone they are estimated from a sample: a compiled synchronous dispatch times every run of
 * one dispatch in 256 (the first one included) and counts the others without
 * reading the clock. `meanMs` is then the mean of the timed runs, `totalMs` that mean times `calls`,
 * and `maxMs` the longest timed run.
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
  /** Mean run time in milliseconds of the timed runs (0 before the first timed run). */
  readonly meanMs: number;
  /** Longest timed run in milliseconds (with stats alone, of the sampled runs). */
  readonly maxMs: number;
}
