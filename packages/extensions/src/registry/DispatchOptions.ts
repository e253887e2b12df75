import type { ErrorStrategy } from './ErrorStrategy.js';

/** Per-call options of the dispatch methods. */
export interface DispatchOptions {
  /** Overrides the registry's error strategy for this call. */
  readonly errorStrategy?: ErrorStrategy | undefined;
}

/** Per-call options of `notifyAsync()`. */
export interface NotifyAsyncOptions extends DispatchOptions {
  /**
   * Start every handler at once and wait for all of them (instead of one after the other). Stopping
   * propagation has no effect then, since every handler has already started.
   */
  readonly parallel?: boolean | undefined;
}
