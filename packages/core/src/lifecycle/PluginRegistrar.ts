import { collectInjectedIdentifiers } from '../dependencies/collectInjectedIdentifiers.js';
import { isolationInfoOf } from '../isolation/IsolationInfo.js';
import { PluginRegistrationError } from '../errors/PluginRegistrationError.js';
import type { LifecycleEvents } from './LifecycleEvents.js';
import type { Logger } from '../logging/Logger.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';
import { validatePluginOptions } from '../plugins/validatePluginOptions.js';
import type { PluginStore } from '../model/PluginStore.js';
import type { RegisterOptions } from './RegisterOptions.js';

/** What a {@link PluginRegistrar} works with. Internal. */
export interface PluginRegistrarInit {
  readonly store: PluginStore;
  readonly events: LifecycleEvents;
  readonly logger: Logger;
  /** Check metadata fully (otherwise only the name). */
  readonly strict: boolean;
}

const describeThing = (value: unknown): string =>
  typeof value === 'function'
    ? `class ${value.name || '(anonymous)'}`
    : value === null
      ? 'null'
      : typeof value;

/**
 * `register()`: validates every class of a batch (metadata, name and token uniqueness) before
 * recording any, so a bad entry registers none of them. Internal.
 */
export class PluginRegistrar {
  readonly #init: PluginRegistrarInit;

  constructor(init: PluginRegistrarInit) {
    this.#init = init;
  }

  /** Registers the classes; returns their names in the order given. */
  register(classes: readonly PluginClass[], options: RegisterOptions): string[] {
    const batch = new Map<string, { cls: PluginClass; meta: PluginMetadata }>();
    const names = classes.map((cls) => {
      const meta = this.#validateClass(cls);
      const inBatch = batch.get(meta.name);
      if (inBatch !== undefined && inBatch.cls !== cls) {
        throw new PluginRegistrationError(
          `Plugin name '${meta.name}' is used by two classes (${inBatch.cls.name} and ${cls.name}) in one ` +
            `register() call. Rename one of them.`,
          { plugin: meta.name },
        );
      }
      this.#checkNameAndTokens(cls, meta, options);
      batch.set(meta.name, { cls, meta });
      return meta.name;
    });
    const { store, logger, events } = this.#init;
    for (const { cls, meta } of batch.values()) {
      // A stand-in injects nothing itself; the plugin's own class tells what to order it after.
      const injected = isolationInfoOf(cls)?.injected ?? collectInjectedIdentifiers(cls);
      if (!store.put(cls, meta, injected)) continue;
      logger.debug({ plugin: meta.name, version: meta.version }, 'plugin registered');
      events.registered(store.get(meta.name));
    }
    return names;
  }

  #validateClass(cls: unknown): PluginMetadata {
    if (typeof cls !== 'function') {
      throw new PluginRegistrationError(
        `register() expects a plugin class, got ${describeThing(cls)}. Pass a class decorated with ` +
          `@plugin() or built with definePlugin().`,
      );
    }
    const declared = getPluginOptions(cls);
    if (declared === undefined) {
      throw new PluginRegistrationError(
        `${describeThing(cls)} is not a plugin: decorate it with @plugin({ name }) or build it with ` +
          `definePlugin().`,
      );
    }
    return validatePluginOptions(declared, { strict: this.#init.strict });
  }

  #checkNameAndTokens(cls: PluginClass, meta: PluginMetadata, options: RegisterOptions): void {
    const existing = this.#init.store.records.get(meta.name);
    if (existing !== undefined && existing.cls !== cls && options.replace !== true) {
      throw new PluginRegistrationError(
        `Plugin name '${meta.name}' is already registered by class ${existing.cls.name}; ${cls.name} ` +
          `cannot take it. Rename one of them, or pass { replace: true } to replace it.`,
        { plugin: meta.name },
      );
    }
    for (const provider of meta.provides) {
      const owner = this.#init.store.providerOf(provider.token);
      if (owner !== undefined && owner !== meta.name) {
        throw new PluginRegistrationError(
          `Plugin '${meta.name}' provides ${String(provider.token)}, which plugin '${owner}' already ` +
            `provides. A token has one provider: remove one of the two 'provides' entries.`,
          { plugin: meta.name },
        );
      }
    }
  }
}
