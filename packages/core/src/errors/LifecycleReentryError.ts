import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** Options of {@link LifecycleReentryError}. */
export interface LifecycleReentryErrorOptions {
  /** The manager operation that was called, e.g. `'start()'` or `"load('db')"`. */
  readonly operation: string;
  /** What was running: a plugin's lifecycle method (`"'db'.start()"`) or a lifecycle event listener. */
  readonly within: string;
}

/**
 * A manager lifecycle operation (`start`, `stop`, `load`, `unload`, `reload`, `close`…) was called
 * from a plugin's lifecycle method or a lifecycle event listener, which that operation's caller is
 * waiting for: awaiting it could never finish. Code `TRELLIS_LIFECYCLE_REENTRY`.
 */
export class LifecycleReentryError extends TrellisError {
  /** The code of every `LifecycleReentryError`. */
  static readonly CODE = 'TRELLIS_LIFECYCLE_REENTRY' satisfies CoreErrorCode;

  /** The operation refused. */
  readonly operation: string;

  constructor(options: LifecycleReentryErrorOptions) {
    super(
      `manager.${options.operation} was called from ${options.within}, which a lifecycle operation is ` +
        `waiting for: it would wait for itself. Lifecycle operations run one at a time; call it from a ` +
        `hook or after the current operation has resolved (e.g. setImmediate(() => manager.${options.operation})).`,
      { code: LifecycleReentryError.CODE },
    );
    this.operation = options.operation;
  }
}
