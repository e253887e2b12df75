import type { HookError } from './HookError.js';
import { TrellisError } from './TrellisError.js';

/** Options of {@link HookAggregateError}. */
export interface HookAggregateErrorOptions {
  /** The concrete event being dispatched. */
  readonly event: string;
  /** Every handler failure, in handler order. */
  readonly errors: readonly HookError[];
  /** The result of the handlers that succeeded. */
  readonly value: unknown;
}

/**
 * Thrown by the `collect-all` strategy after every handler ran and at least one failed: `errors`
 * holds every {@link HookError}, `value` the result computed by the successful handlers. Code
 * `TRELLIS_HOOK_AGGREGATE`.
 */
export class HookAggregateError extends TrellisError {
  /** The code of every `HookAggregateError`. */
  static readonly CODE = 'TRELLIS_HOOK_AGGREGATE';

  /** The concrete event name that was dispatched. */
  readonly event: string;
  /** Every handler failure, in handler order. */
  readonly errors: readonly HookError[];
  /** The dispatch result computed by the handlers that succeeded. */
  readonly value: unknown;

  constructor(options: HookAggregateErrorOptions) {
    const owners = [...new Set(options.errors.map((error) => error.plugin ?? '(no plugin)'))].join(', ');
    super(
      `${options.errors.length} handler(s) failed on event '${options.event}' (${owners}). ` +
        `Inspect 'errors' for each failure; 'value' holds the result of the handlers that succeeded.`,
      { code: HookAggregateError.CODE, cause: options.errors[0] },
    );
    this.event = options.event;
    this.errors = options.errors;
    this.value = options.value;
  }
}
