import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';
import type { LifecyclePhase } from './LifecyclePhase.js';

/** Options of {@link LifecycleTimeoutError}. */
export interface LifecycleTimeoutErrorOptions {
  /** The plugin that was too slow. */
  readonly plugin: string;
  /** The phase that did not finish. */
  readonly phase: LifecyclePhase;
  /** The limit in milliseconds. */
  readonly timeout: number;
  /** Manager operations that were waiting for this one when it timed out (`['stop()']`). */
  readonly waiting?: readonly string[] | undefined;
}

/**
 * A plugin's `initialize`, `start` or `stop` did not settle within `lifecycleTimeout`. The host goes
 * on; the plugin's `ctx.signal` is aborted. Code `TRELLIS_LIFECYCLE_TIMEOUT`.
 */
export class LifecycleTimeoutError extends TrellisError {
  /** The code of every `LifecycleTimeoutError`. */
  static readonly CODE = 'TRELLIS_LIFECYCLE_TIMEOUT' satisfies CoreErrorCode;

  /** The plugin that was too slow. */
  readonly plugin: string;
  /** The phase that did not finish. */
  readonly phase: LifecyclePhase;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(options: LifecycleTimeoutErrorOptions) {
    super(
      `Plugin '${options.plugin}' did not finish ${options.phase}() within ${options.timeout} ms. ` +
        `Make it settle sooner (run long work in the background and honour ctx.signal) or raise the ` +
        `manager's 'lifecycleTimeout'.` +
        (options.waiting === undefined || options.waiting.length === 0
          ? ''
          : ` Meanwhile manager.${options.waiting.join(', manager.')} waited for it: if ${options.phase}() ` +
            `awaits one of them, it waits for itself (see TRELLIS_LIFECYCLE_REENTRY); start that call ` +
            `after the current operation has resolved instead.`),
      { code: LifecycleTimeoutError.CODE },
    );
    this.plugin = options.plugin;
    this.phase = options.phase;
    this.timeout = options.timeout;
  }
}
