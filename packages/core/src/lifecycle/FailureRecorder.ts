import type { TrellisError } from '@trellis/extensions';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { LifecycleEvents } from './LifecycleEvents.js';
import type { PluginFailure } from './reports.js';

/** Marks plugins failed, logs and announces their failures, and reports them. Internal. */
export class FailureRecorder {
  readonly #logger: Logger;
  readonly #events: LifecycleEvents;

  constructor(logger: Logger, events: LifecycleEvents) {
    this.#logger = logger;
    this.#events = events;
  }

  /** Marks the plugin failed, logs it and announces it (before resolving); resolves to false. */
  async fail(record: PluginRecord, error: TrellisError): Promise<false> {
    record.state = 'failed';
    record.lastError = error;
    this.#logger.error({ plugin: record.name, code: error.code, err: error }, error.message);
    await this.#events.error(record, error);
    return false;
  }

  /** The report entry of a plugin that did not make it. */
  failureOf(record: PluginRecord): PluginFailure {
    return {
      name: record.name,
      error:
        record.lastError ??
        new PluginLoadError({ plugin: record.name, phase: 'construct', cause: undefined }),
    };
  }
}
