import type { Logger } from './Logger.js';
import type { TrellisWarning } from './TrellisWarning.js';

/**
 * Delivers warnings: to the host's `onWarning` (which reaches it even with `logger: false`) and to
 * the log. A throwing `onWarning` is logged, never propagated. Internal.
 */
export class WarningReporter {
  readonly #logger: Logger;
  readonly #onWarning: ((warning: TrellisWarning) => void) | undefined;

  constructor(logger: Logger, onWarning: ((warning: TrellisWarning) => void) | undefined) {
    this.#logger = logger;
    this.#onWarning = onWarning;
  }

  /** Reports one warning: logged, and given to `onWarning`. */
  warn(warning: TrellisWarning): void {
    const { code, message, plugin, event } = warning;
    this.#logger.warn(
      { code, ...(plugin === undefined ? {} : { plugin }), ...(event === undefined ? {} : { event }) },
      message,
    );
    this.deliver(warning);
  }

  /** Gives a warning already logged (by the extension registry) to `onWarning` only. */
  deliver(warning: {
    readonly code: string;
    readonly message: string;
    readonly plugin?: string | undefined;
    readonly event?: string | undefined;
  }): void {
    if (this.#onWarning === undefined) return;
    const { code, message, plugin, event } = warning;
    const delivered: TrellisWarning = {
      code,
      message,
      ...(plugin === undefined ? {} : { plugin }),
      ...(event === undefined ? {} : { event }),
    };
    try {
      this.#onWarning(delivered);
    } catch (error) {
      this.#logger.error({ err: error, code }, 'onWarning threw; the warning was logged instead');
    }
  }
}
