import type { ExtensionRegistry } from '@trellis/extensions';
import type { PluginRecord } from '../model/PluginRecord.js';

/**
 * Enables and disables plugins at once: a disabled plugin's hooks are skipped; one that is not
 * loaded shows `disabled` and gets its state back when re-enabled. Internal.
 */
export class PluginSwitch {
  readonly #registry: ExtensionRegistry;

  constructor(registry: ExtensionRegistry) {
    this.#registry = registry;
  }

  enable(record: PluginRecord): void {
    if (record.enabled) return;
    record.enabled = true;
    this.#registry.enableOwner(record.name);
    if (record.state === 'disabled') record.state = record.stateBeforeDisable;
  }

  disable(record: PluginRecord): void {
    if (!record.enabled) return;
    record.enabled = false;
    this.#registry.disableOwner(record.name);
    if (record.live === undefined) {
      record.stateBeforeDisable = record.state;
      record.state = 'disabled';
    }
  }

  /** Clears what the registry remembers of a plugin that is forgotten. */
  forget(record: PluginRecord): void {
    this.#registry.removeOwner(record.name);
    if (!record.enabled) this.#registry.enableOwner(record.name);
  }
}
