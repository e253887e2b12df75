import { describeValue } from './describeValue.js';
import type { ExtensionErrorCode } from './ExtensionErrorCode.js';
import { TrellisError } from './TrellisError.js';

/** Options of {@link HookError}. */
export interface HookErrorOptions {
  /** The concrete event being dispatched. */
  readonly event: string;
  /** The owner (plugin) of the failing handler, if any. */
  readonly plugin: string | undefined;
  /** The name of the failing handler. */
  readonly handler?: string;
  /** What the handler threw (or rejected with). */
  readonly cause: unknown;
  /** Overrides the generated message. */
  readonly message?: string;
  /** Overrides the code (for subclasses). */
  readonly code?: string;
}

/**
 * A handler failed while an event was dispatched. Carries the `event`, the owning `plugin` and the
 * original error as `cause`. Code `TRELLIS_HOOK`.
 */
export class HookError extends TrellisError {
  /** The code of a plain `HookError`. */
  static readonly CODE: ExtensionErrorCode = 'TRELLIS_HOOK';

  /** The concrete event name that was dispatched. */
  readonly event: string;
  /** The owner of the failing handler, or `undefined` for handlers registered without one. */
  readonly plugin: string | undefined;
  /** The failing handler's name (its function name or the `name` option). */
  readonly handler: string | undefined;

  constructor(options: HookErrorOptions) {
    super(
      options.message ??
        `Handler ${options.handler === undefined ? '' : `'${options.handler}' `}` +
          `${options.plugin === undefined ? '(no plugin)' : `of plugin '${options.plugin}'`} failed on ` +
          `event '${options.event}': ${describeValue(options.cause)}. ` +
          `Fix the handler or catch the error inside it; see 'cause' for the original error.`,
      { code: options.code ?? HookError.CODE, cause: options.cause },
    );
    this.event = options.event;
    this.plugin = options.plugin;
    this.handler = options.handler;
  }
}
