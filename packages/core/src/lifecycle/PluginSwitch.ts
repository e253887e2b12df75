import type { ExtensionRegistry } from '@trellis/extensions';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStateMachine } from '../model/PluginStateMachine.js';

/**
 * Enables and disables plugins at once: a disabled plugin's hooks are skipped; one that is not
 * loaded shows `disabled` and gets its state back when re-enabled. Internal.
 */
export class PluginSwitch {
  readonly #registry: ExtensionRegistry;
  readonly #machine: PluginStateMachine;

  constructor(registry: ExtensionRegistry, machine: PluginStateMachine) {
    this.#registry = registry;
    this.#machine = machine;
  }

  enable(record: PluginRecord): void {
    if (record.enabled) return;
    record.enabled = true;
    this.#registry.enableOwner(record.name);
    if (record.state === 'disabled') void this.#machine.transition(record, record.stateBeforeDisable);
  }

  disable(record: PluginRecord): void {
    if (!record.enabled) return;
    record.enabled = false;
    this.#registry.disableOwner(record.name);
    if (record.live === undefined && record.state !== 'disabled')
      void this.#machine.transition(record, 'disabled');
  }

  /** Clears what the registry remembers of a plugin that is forgotten. */
  forget(record: PluginRecord): void {
    this.#registry.removeOwner(record.name);
    if (!record.enabled) this.#registry.enableOwner(record.name);
  }
}
