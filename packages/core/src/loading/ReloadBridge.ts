import { getHookDeclarations, type ExtensionRegistry, type HookOptions } from '@trellis/extensions';
import { standInBridgeOf } from '../isolation/IsolationInfo.js';
import type { PluginRecord } from '../model/PluginRecord.js';

/** The owner name bridge handlers are registered under: never a valid plugin name. */
const bridgeOwner = (name: string): string => `${name}#reloading`;

type Method = (...args: unknown[]) => unknown;

/**
 * Keeps a plugin's declared hooks answering while it is reloaded. In one synchronous step the
 * plugin's own handlers are replaced by bridge handlers (same point, priority and options) that call
 * the old instance; as soon as the new incarnation has wired its own handlers the bridges pass the
 * value through untouched, so at no moment does a dispatch find neither version, or both. `close()`
 * removes the bridges. Hooks a plugin registers by hand (`ctx.registerHook`) are not bridged; an
 * isolated plugin's hooks are, answered by its worker/process, which is kept until `close()`. Internal.
 */
export class ReloadBridge {
  readonly #registry: ExtensionRegistry;
  readonly #owners: string[] = [];
  readonly #releases: (() => void)[] = [];

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
      const standIn = standInBridgeOf(instance);
      if (standIn !== undefined) {
        // An isolated plugin: its hooks answer through its worker/process, kept until close().
        this.#releases.push(standIn.hold());
        for (const hook of standIn.hooks)
          this.#registry.on(hook.point, bridge(instance, hook.handler, serving), {
            ...hook.options,
            plugin: owner,
          });
      }
      for (const declaration of standIn === undefined ? getHookDeclarations(old.cls) : []) {
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

  /** Removes every bridge, and lets go of the workers/processes of isolated plugins. */
  close(): void {
    for (const owner of this.#owners.splice(0)) this.#registry.removeOwner(owner);
    for (const release of this.#releases.splice(0)) release();
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
