/** Per-handler counters, collected while stats or tracing are on (see `registry.enableStats()`). */
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
  /** Total run time in milliseconds. */
  readonly totalMs: number;
  /** Mean run time in milliseconds (0 before the first run). */
  readonly meanMs: number;
  /** Longest run in milliseconds. */
  readonly maxMs: number;
}
