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

  /** Reports one warning. */
  warn(warning: TrellisWarning): void {
    const { code, message, plugin, event } = warning;
    this.#logger.warn(
      { code, ...(plugin === undefined ? {} : { plugin }), ...(event === undefined ? {} : { event }) },
      message,
    );
    if (this.#onWarning === undefined) return;
    try {
      this.#onWarning(warning);
    } catch (error) {
      this.#logger.error({ err: error, code }, 'onWarning threw; the warning was logged instead');
    }
  }
}
