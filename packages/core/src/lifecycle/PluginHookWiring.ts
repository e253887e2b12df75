import {
  getHookDeclarations,
  type ExtensionRegistry,
  type HookError,
  type HookOptions,
} from '@trellis/extensions';
import type { LivePlugin, PluginRecord } from '../model/PluginRecord.js';

/**
 * Connects a loaded plugin's declared hooks and its hook-error handling (`lastError`, `onError`) to the
 * registry, and disconnects them. Internal.
 */
export class PluginHookWiring {
  readonly #registry: ExtensionRegistry;

  constructor(registry: ExtensionRegistry) {
    this.#registry = registry;
  }

  /** Registers the `@hook` methods of the instance, bound to it and owned by the plugin. */
  wire(record: PluginRecord, live: LivePlugin, instance: object): void {
    const name = record.name;
    for (const declaration of getHookDeclarations(live.cls)) {
      const method = (instance as Record<PropertyKey, unknown>)[declaration.method];
      if (typeof method !== 'function') continue;
      const options: HookOptions = {
        name: `${name}.${String(declaration.method)}`,
        ...declaration.options,
        plugin: name, // the declaration already marks an `async` method, which binding would hide
      };
      this.#registry.on(
        declaration.point ?? declaration.event,
        (method as (...args: never[]) => unknown).bind(instance),
        options,
      );
    }
    // A failing hook leaves the plugin started; its error shows as `lastError` in status().
    const onError = (instance as { onError?: unknown }).onError;
    this.#registry.setOwnerErrorHandler(name, (error: HookError) => {
      record.lastError = error;
      if (typeof onError === 'function') (onError as (error: HookError) => void).call(instance, error);
    });
  }

  /** Removes every hook the plugin owns and its error handler; a disabled plugin stays silenced. */
  unwire(record: PluginRecord): void {
    this.#registry.removeOwner(record.name);
    this.#registry.setOwnerErrorHandler(record.name, undefined);
    if (!record.enabled) this.#registry.disableOwner(record.name);
  }
}
