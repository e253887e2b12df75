import { isPassThrough } from '../dispatch/isPassThrough.js';
import type { HookLogger } from './HookLogger.js';
import { PLUGIN_ERROR_EVENT } from './PLUGIN_ERROR_EVENT.js';
import type { PluginErrorPayload } from './PluginErrorPayload.js';

/** The registry's notify dispatchers, as the notifier needs them. */
export interface PluginErrorDispatch {
  notify(payload: PluginErrorPayload): void;
  notifyAsync(payload: PluginErrorPayload): Promise<void>;
}

/**
 * Re-notifies handler failures as {@link PLUGIN_ERROR_EVENT} (under `log-and-continue`). A failure
 * of that notification is logged, never re-notified (no loop), except a recursion error, which
 * must cross every dispatch.
 */
export class PluginErrorNotifier {
  readonly #dispatch: PluginErrorDispatch;
  readonly #logger: HookLogger;

  constructor(dispatch: PluginErrorDispatch, logger: HookLogger) {
    this.#dispatch = dispatch;
    this.#logger = logger;
  }

  notify(payload: PluginErrorPayload): void {
    try {
      this.#dispatch.notify(payload);
    } catch (error) {
      this.#failed(payload, error);
    }
  }

  async notifyAsync(payload: PluginErrorPayload): Promise<void> {
    try {
      await this.#dispatch.notifyAsync(payload);
    } catch (error) {
      this.#failed(payload, error);
    }
  }

  #failed(payload: PluginErrorPayload, error: unknown): void {
    if (isPassThrough(error)) throw error;
    this.#logger.error(
      { event: PLUGIN_ERROR_EVENT, plugin: payload.pluginName, err: error },
      `Notifying '${PLUGIN_ERROR_EVENT}' about a failure on '${payload.event}' failed.`,
    );
  }
}
