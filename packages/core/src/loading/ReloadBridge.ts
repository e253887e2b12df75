import { getHookDeclarations, type ExtensionRegistry, type HookOptions } from '@trellis/extensions';
import type { PluginRecord } from '../model/PluginRecord.js';

/** The owner name bridge handlers are registered under: never a valid plugin name. */
const bridgeOwner = (name: string): string => `${name}#reloading`;

type Method = (...args: unknown[]) => unknown;

/**
 * Keeps a plugin's declared hooks answering while it is reloaded. In one synchronous step the
 * plugin's own handlers are replaced by bridge handlers (same point, priority and options) that call
 * the old instance; as soon as the new incarnation has wired its own handlers the bridges pass the
 * value through untouched, so at no moment does a dispatch find neither version, or both. `close()`
 * removes the bridges. Hooks a plugin registers by hand (`ctx.registerHook`) are not bridged. Internal.
 */
export class ReloadBridge {
  readonly #registry: ExtensionRegistry;
  readonly #owners: string[] = [];

  constructor(registry: ExtensionRegistry) {
    this.#registry = registry;
  }

  /** Bridges every record that is loaded and enabled now (call it synchronously, before unloading). */
  open(records: readonly PluginRecord[]): void {
    for (const record of records) {
      const old = record.live;
      const instance = old?.instance;
      if (old === undefined || instance === undefined || !record.enabled) continue;
      const owner = bridgeOwner(record.name);
      this.#owners.push(owner);
      const serving = (): boolean =>
        record.live === undefined || record.live === old || record.state === 'loading';
      for (const declaration of getHookDeclarations(old.cls)) {
        const method = (instance as Record<PropertyKey, unknown>)[declaration.method];
        if (typeof method !== 'function') continue;
        const options: HookOptions = {
          name: `${record.name}.${String(declaration.method)}`,
          ...declaration.options,
          plugin: owner,
        };
        this.#registry.on(
          declaration.point ?? declaration.event,
          bridge(instance, method as Method, serving),
          options,
        );
      }
      this.#registry.removeOwner(record.name);
    }
  }

  /** Removes every bridge. */
  close(): void {
    for (const owner of this.#owners.splice(0)) this.#registry.removeOwner(owner);
  }
}

function bridge(instance: object, method: Method, serving: () => boolean): Method {
  return function bridged(...args: unknown[]): unknown {
    if (serving()) return method.apply(instance, args);
    // The new incarnation answers: pass the value through (a middleware calls next()).
    const next = args[1]; // (ctx, next, hookCtx) for middleware, (value, hookCtx) otherwise
    return typeof next === 'function' ? (next as () => unknown)() : undefined;
  };
}
