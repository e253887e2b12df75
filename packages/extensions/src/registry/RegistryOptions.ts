import type { ErrorStrategy } from './ErrorStrategy.js';
import type { HookLogger } from './HookLogger.js';
import type { RegistryWarning } from './RegistryWarning.js';

/** Options of `new ExtensionRegistry()`. */
export interface RegistryOptions {
  /** Default strategy for handler failures; default `'log-and-continue'`. */
  readonly errorStrategy?: ErrorStrategy | undefined;
  /** Time limit in ms for handlers registered without their own `timeout`; default none. */
  readonly defaultTimeout?: number | undefined;
  /** Where failures, warnings and traces go; default a logger that drops everything. */
  readonly logger?: HookLogger | undefined;
  /** Log every handler run at debug level and collect `stats()`; default false. */
  readonly tracing?: boolean | undefined;
  /**
   * How deeply synchronous dispatches may nest (a handler dispatching an event from inside a
   * handler) before a `HookRecursionError` ends the chain; default 100.
   */
  readonly maxDepth?: number | undefined;
  /**
   * How many dispatches of one event (in one mode) run through the generic loops before a
   * specialised dispatch function is generated for it. By default: none for up to 16 handlers or
   * when a function of the same shape was generated before, otherwise 128 plus 16 per handler. `0`
   * generates on the first dispatch, `Infinity` never (for environments that forbid code generation
   * this happens automatically).
   */
  readonly compileAfter?: number | undefined;
  /**
   * Called with each warning (today: an async handler skipped by a synchronous dispatch, once per
   * handler), whatever the logger. Its own errors are logged and swallowed.
   */
  readonly onWarning?: ((warning: RegistryWarning) => void) | undefined;
  /**
   * Make every skip of an async handler by a synchronous dispatch a failure (a `HookError` handled
   * by the error strategy) instead of a warning; default false.
   */
  readonly strict?: boolean | undefined;
  /**
   * Count `stats()` (calls, errors, durations per handler) without tracing's debug logs; default
   * false. Counting runs handlers through the general loops (a clock read per run); see also
   * `registry.enableStats()`.
   */
  readonly stats?: boolean | undefined;
}
