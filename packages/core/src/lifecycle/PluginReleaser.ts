import type { PluginInjector } from '../container/PluginInjector.js';
import type { PluginLoadError } from '../errors/PluginLoadError.js';
import type { PluginHookWiring } from './PluginHookWiring.js';
import { logSafely } from '../logging/logSafely.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';

/** Tears down a plugin's incarnation: signal, hooks, bindings, instance. Internal. */
export class PluginReleaser {
  readonly #hooks: PluginHookWiring;
  readonly #injector: PluginInjector;
  readonly #logger: Logger;

  constructor(init: { hooks: PluginHookWiring; injector: PluginInjector; logger: Logger }) {
    this.#hooks = init.hooks;
    this.#injector = init.injector;
    this.#logger = init.logger;
  }

  /** Removes the plugin's hooks and bindings and aborts its signal; returns a `@preDestroy` failure. */
  async release(record: PluginRecord): Promise<PluginLoadError | undefined> {
    const live = record.live;
    if (live === undefined) return undefined;
    record.live = undefined;
    live.context.abortBecause('unloaded');
    this.#hooks.unwire(record);
    const failure = await this.#injector.unbind(record, live);
    if (failure !== undefined)
      logSafely(this.#logger, 'error', { plugin: record.name, err: failure }, failure.message);
    return failure;
  }
}
