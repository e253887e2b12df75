import { TrellisError } from '@trellis/extensions';
import { logSafely } from '../logging/logSafely.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginState } from '../model/PluginState.js';
import type { StateListener } from '../model/PluginStateMachine.js';
import { LIFECYCLE_EVENTS } from './LIFECYCLE_EVENTS.js';
import type { LifecycleEvents } from './LifecycleEvents.js';

/** The lifecycle event announcing each state a plugin enters, if any, and its debug log line. */
const ANNOUNCED: Partial<Record<PluginState, readonly [event: string, log: string]>> = {
  loaded: [LIFECYCLE_EVENTS.loaded, 'plugin loaded'],
  started: [LIFECYCLE_EVENTS.started, 'plugin started'],
  stopped: [LIFECYCLE_EVENTS.stopped, 'plugin stopped'],
  unloaded: [LIFECYCLE_EVENTS.unloaded, 'plugin unloaded'],
};

/** Announces transitions of the state machine: a log line and the lifecycle event. Internal. */
export class StateAnnouncer implements StateListener {
  readonly #events: LifecycleEvents;
  readonly #logger: Logger;

  constructor(events: LifecycleEvents, logger: Logger) {
    this.#events = events;
    this.#logger = logger;
  }

  entered(record: PluginRecord, from: PluginState, to: PluginState): Promise<void> | undefined {
    // Enabling or disabling only shows or hides a state the plugin was already announced in.
    if (from === 'disabled' || to === 'disabled') return undefined;
    if (to === 'failed') {
      const error = record.lastError;
      if (error === undefined) return undefined;
      // A dependent's failure names its root cause in its message; its cause chain (as long as the
      // chain of plugins) stays out of the log, which thus grows linearly with the plugins.
      const entry = TrellisError.is(error, 'TRELLIS_DEPENDENCY_FAILED')
        ? { plugin: record.name, code: error.code }
        : { plugin: record.name, code: error.code, err: error };
      logSafely(this.#logger, 'error', entry, error.message);
      return this.#events.error(record, error);
    }
    const announced = ANNOUNCED[to];
    if (announced === undefined) return undefined;
    this.#logger.debug({ plugin: record.name }, announced[1]);
    return this.#events.plugin(announced[0], record);
  }
}
