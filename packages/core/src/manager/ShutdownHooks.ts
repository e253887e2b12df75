import type { Logger } from '../logging/Logger.js';
import type { ShutdownHooksOptions } from './ShutdownHooksOptions.js';

/** Process signal listeners that close the manager, at most one set at a time. Internal. */
export class ShutdownHooks {
  readonly #close: () => Promise<void>;
  readonly #logger: Logger;
  #installed:
    | { readonly signals: readonly NodeJS.Signals[]; readonly listener: (signal: NodeJS.Signals) => void }
    | undefined;

  constructor(close: () => Promise<void>, logger: Logger) {
    this.#close = close;
    this.#logger = logger;
  }

  /** Replaces the listeners; returns a function that removes these ones. */
  install(signals: readonly NodeJS.Signals[], options: ShutdownHooksOptions): () => void {
    this.remove();
    const listener = (signal: NodeJS.Signals): void => {
      this.#logger.info({ signal }, 'shutting down');
      this.#close().then(
        () => {
          if (options.exit !== false && process.listenerCount(signal) === 0)
            process.kill(process.pid, signal);
        },
        (error: unknown) => {
          this.#logger.error({ err: error, signal }, 'shutdown failed');
        },
      );
    };
    for (const signal of signals) process.on(signal, listener);
    const installed = { signals: [...signals], listener };
    this.#installed = installed;
    return () => {
      if (this.#installed === installed) this.remove();
    };
  }

  /** Removes the listeners, if any. */
  remove(): void {
    const installed = this.#installed;
    if (installed === undefined) return;
    this.#installed = undefined;
    for (const signal of installed.signals) process.off(signal, installed.listener);
  }
}
