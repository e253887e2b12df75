import type { ExtensionRegistry, TrellisError } from '@trellis/extensions';
import { logSafely } from '../logging/logSafely.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import { TRELLIS_VERSION } from '../version.js';
import { LIFECYCLE_EVENTS, type AppLifecycleEvent } from './LIFECYCLE_EVENTS.js';
import type { LifecycleQueue } from './LifecycleQueue.js';
import type { PluginFailure } from './reports.js';

const LOG_AND_CONTINUE = { errorStrategy: 'log-and-continue' } as const;

/**
 * Dispatches the lifecycle notify points. Each notification is awaited, so it is delivered before
 * the call that caused it resolves; a failing listener is logged and never disturbs the lifecycle;
 * with no listener nothing is allocated. Internal.
 */
export class LifecycleEvents {
  readonly #registry: ExtensionRegistry;
  readonly #logger: Logger;

  readonly #queue: LifecycleQueue;

  constructor(registry: ExtensionRegistry, logger: Logger, queue: LifecycleQueue) {
    this.#registry = registry;
    this.#logger = logger;
    this.#queue = queue;
  }

  /** `trellis.plugin.registered`, to synchronous listeners (`register()` is synchronous). */
  registered(record: PluginRecord): void {
    const event = LIFECYCLE_EVENTS.registered;
    if (!this.#registry.hasHandlers(event)) return;
    this.#registry.notify(event, { pluginName: record.name, version: record.meta.version }, LOG_AND_CONTINUE);
  }

  /** A per-plugin event: `loaded`, `started`, `stopped` or `unloaded`. */
  plugin(event: string, record: PluginRecord): Promise<void> | undefined {
    if (!this.#registry.hasHandlers(event)) return undefined;
    return this.#notify(event, { pluginName: record.name, version: record.meta.version });
  }

  /** `trellis.plugin.error` with the plugin's failure. */
  error(record: PluginRecord, error: TrellisError): Promise<void> | undefined {
    const event = LIFECYCLE_EVENTS.error;
    if (!this.#registry.hasHandlers(event)) return undefined;
    return this.#notify(event, { pluginName: record.name, version: record.meta.version, error });
  }

  /** `trellis.app.startup` or `trellis.app.shutdown`. */
  async app(event: string, plugins: readonly string[], failed: readonly PluginFailure[]): Promise<void> {
    if (!this.#registry.hasHandlers(event)) return;
    const payload: AppLifecycleEvent = {
      version: TRELLIS_VERSION,
      plugins,
      failed: failed.map((failure) => failure.name),
    };
    await this.#notify(event, payload);
  }

  async #notify(event: string, payload: unknown): Promise<void> {
    try {
      let delivered: Promise<void>;
      this.#queue.enter(event, '');
      try {
        delivered = this.#registry.notifyAsync(event, payload, LOG_AND_CONTINUE);
      } finally {
        this.#queue.leave();
      }
      await delivered;
    } catch (error) {
      logSafely(this.#logger, 'error', { err: error, event }, 'lifecycle event handler failed');
    }
  }
}
