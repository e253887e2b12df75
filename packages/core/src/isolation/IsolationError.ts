import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from '../errors/CoreErrorCode.js';

/** Why an isolated plugin's worker or process ended. */
export type IsolationFailureReason = 'crash' | 'out-of-memory' | 'exit' | 'timeout' | 'spawn';

/** Options of {@link IsolationError}. */
export interface IsolationErrorOptions {
  /** The isolated plugin. */
  readonly plugin: string;
  /** What happened. */
  readonly reason: IsolationFailureReason;
  /** One sentence: what happened, in the plugin's terms. */
  readonly detail: string;
  /** The error the worker or process reported, if any. */
  readonly cause?: unknown;
}

const ADVICE: Readonly<Record<IsolationFailureReason, string>> = {
  crash: 'Fix the exception in the plugin',
  'out-of-memory': 'Raise limits.memoryMb or fix the leak',
  exit: 'Remove the process.exit() call from the plugin',
  timeout: 'Make the method or hook settle, or raise its timeout',
  spawn:
    'Check that the module and @trellis/core resolve from the plugin file and that its permissions allow reading them',
};

/**
 * The worker or child process of an isolated plugin crashed, ran out of memory, exited, hung or
 * could not start. The plugin is marked `failed` with this error (its `reason` says which). Code
 * `TRELLIS_ISOLATION_FAILED`.
 */
export class IsolationError extends TrellisError {
  /** The code of every `IsolationError`. */
  static readonly CODE = 'TRELLIS_ISOLATION_FAILED' satisfies CoreErrorCode;

  /** The isolated plugin. */
  readonly plugin: string;
  /** What happened: `'crash' | 'out-of-memory' | 'exit' | 'timeout' | 'spawn'`. */
  readonly reason: IsolationFailureReason;

  constructor(options: IsolationErrorOptions) {
    super(
      `Isolated plugin '${options.plugin}' failed (${options.reason}): ${options.detail}. ${ADVICE[options.reason]}; the plugin stays failed until it is loaded again or restarted.`,
      { code: IsolationError.CODE, cause: options.cause },
    );
    this.plugin = options.plugin;
    this.reason = options.reason;
  }
}
