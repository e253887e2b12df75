import type { TrellisError } from '@trellis/extensions';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStateMachine } from '../model/PluginStateMachine.js';
import type { PluginFailure } from './reports.js';

/** Marks plugins failed, logs and announces their failures, and reports them. Internal. */
export class FailureRecorder {
  readonly #machine: PluginStateMachine;

  constructor(machine: PluginStateMachine) {
    this.#machine = machine;
  }

  /** Marks the plugin failed, logs it and announces it (before resolving); resolves to false. */
  async fail(record: PluginRecord, error: TrellisError): Promise<false> {
    await this.#machine.transition(record, 'failed', error);
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
