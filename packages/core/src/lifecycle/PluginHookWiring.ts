import {
  getHookDeclarations,
  type ExtensionRegistry,
  type HookError,
  type HookOptions,
} from '@trellis/extensions';
import { standInBridgeOf } from '../isolation/IsolationInfo.js';
import type { LivePlugin, PluginRecord } from '../model/PluginRecord.js';
import type { PermissionChecker } from '../permissions/PermissionChecker.js';

/**
 * Connects a loaded plugin's declared hooks and its hook-error handling (`lastError`, `onError`) to the
 * registry, and disconnects them. Internal.
 */
export class PluginHookWiring {
  readonly #registry: ExtensionRegistry;
  readonly #permissions: ((record: PluginRecord) => PermissionChecker) | undefined;

  /** `permissions` gives a plugin's checker: its hooks need `hooks:<event or pattern>`. */
  constructor(registry: ExtensionRegistry, permissions?: (record: PluginRecord) => PermissionChecker) {
    this.#registry = registry;
    this.#permissions = permissions;
  }

  /**
   * Throws `PermissionError` when the plugin may not hook one of the points it declares with
   * `@hook` or registered through its context during `initialize` (`hooks:<pattern>`), for a
   * plugin whose permissions are enforced.
   */
  checkPermissions(record: PluginRecord, live: LivePlugin): void {
    const checker = this.#permissions?.(record);
    if (checker?.enforced !== true) return;
    const patterns = new Set<string>();
    for (const declaration of getHookDeclarations(live.cls))
      patterns.add(declaration.point?.name ?? declaration.event);
    for (const hook of standInBridgeOf(live.instance)?.hooks ?? []) patterns.add(hook.point);
    for (const point of this.#registry.describe())
      for (const handler of point.handlers) if (handler.plugin === record.name) patterns.add(handler.pattern);
    for (const pattern of patterns) checker.check(`hooks:${pattern}`);
  }

  /**
   * Registers the `@hook` methods of the instance, bound to it and owned by the plugin (for an
   * isolated plugin, the hooks its worker/process reported).
   */
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
    // An isolated plugin's hooks, reported by its worker/process, are wired in the same step.
    for (const hook of standInBridgeOf(instance)?.hooks ?? [])
      this.#registry.on(hook.point, hook.handler, { ...hook.options, plugin: name });
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
