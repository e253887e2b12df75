import { HookError } from './HookError.js';

/** Options of {@link HookTimeoutError}. */
export interface HookTimeoutErrorOptions {
  /** The concrete event being dispatched. */
  readonly event: string;
  /** The owner (plugin) of the late handler, if any. */
  readonly plugin: string | undefined;
  /** The name of the late handler. */
  readonly handler?: string;
  /** The time limit in milliseconds. */
  readonly timeout: number;
}

/**
 * A handler did not finish within its time limit. An async handler is abandoned (its `ctx.signal`
 * is aborted first); a sync handler that returned late has its result discarded. Code
 * `TRELLIS_HOOK_TIMEOUT`.
 */
export class HookTimeoutError extends HookError {
  /** The code of every `HookTimeoutError`. */
  static override readonly CODE = 'TRELLIS_HOOK_TIMEOUT';

  /** The time limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(options: HookTimeoutErrorOptions) {
    const who =
      `${options.handler === undefined ? 'Handler' : `Handler '${options.handler}'`} ` +
      (options.plugin === undefined ? '(no plugin)' : `of plugin '${options.plugin}'`);
    super({
      event: options.event,
      plugin: options.plugin,
      ...(options.handler === undefined ? {} : { handler: options.handler }),
      cause: undefined,
      code: HookTimeoutError.CODE,
      message:
        `${who} did not finish within ${options.timeout} ms on event '${options.event}'. ` +
        `Make it faster, honour ctx.signal, or raise its 'timeout' option.`,
    });
    this.timeout = options.timeout;
  }
}
