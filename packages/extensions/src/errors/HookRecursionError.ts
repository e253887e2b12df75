import { TrellisError } from './TrellisError.js';

/** Options of {@link HookRecursionError}. */
export interface HookRecursionErrorOptions {
  /** The event whose dispatch exceeded the limit. */
  readonly event: string;
  /** The nesting limit that was exceeded. */
  readonly maxDepth: number;
}

/**
 * Dispatches nested deeper than the registry's `maxDepth` (a handler that keeps re-dispatching).
 * It is a programming error, not a handler failure: it propagates through every enclosing dispatch
 * unchanged, whatever the error strategy. Code `TRELLIS_HOOK_RECURSION`.
 */
export class HookRecursionError extends TrellisError {
  /** The code of every `HookRecursionError`. */
  static readonly CODE = 'TRELLIS_HOOK_RECURSION';

  /** The event whose dispatch exceeded the limit. */
  readonly event: string;
  /** The nesting limit that was exceeded. */
  readonly maxDepth: number;

  constructor(options: HookRecursionErrorOptions) {
    super(
      `Dispatch of event '${options.event}' is nested more than ${options.maxDepth} levels deep: ` +
        `a handler keeps re-dispatching events (probably the one it handles). Break the cycle, or raise ` +
        `the registry's 'maxDepth' option if the nesting is intended.`,
      { code: HookRecursionError.CODE },
    );
    this.event = options.event;
    this.maxDepth = options.maxDepth;
  }
}
