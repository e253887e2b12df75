import type { ExtensionRegistry } from '@trellis/extensions';
import { Container, type BindingIdentifier, type Newable } from 'inversify';
import type { PluginConfig } from '../config/PluginConfig.js';
import { ManagedPluginContext } from '../context/ManagedPluginContext.js';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import type { Logger } from '../logging/Logger.js';
import type { LivePlugin, PluginRecord } from '../manager/PluginRecord.js';
import { bindCoreTokens } from './bindCoreTokens.js';
import { bindProviders } from './bindProviders.js';

/** What a {@link PluginInjector} works with. Internal. */
export interface PluginInjectorInit {
  /** A parent container of the host. */
  readonly parent: Container | undefined;
  readonly registry: ExtensionRegistry;
  readonly logger: Logger;
  /** What `TOKENS.Manager` resolves to. */
  readonly manager: object;
}

const isUnexpectedAsync = (error: unknown): boolean =>
  error instanceof Error && /asynchronous service/i.test(error.message);

/**
 * The DI side of the manager: the container, the plugin incarnations' contexts and bindings, and
 * the stack of plugins being instantiated, which decides whose Logger, Config and Context are
 * injected. Internal.
 */
export class PluginInjector {
  readonly container: Container;
  readonly #registry: ExtensionRegistry;
  readonly #logger: Logger;
  /** The plugins being instantiated (innermost last). */
  readonly #resolving: LivePlugin[] = [];
  #asyncResolution: Promise<unknown> = Promise.resolve();
  readonly #resolveAs = <T>(live: LivePlugin, resolve: () => T): T => {
    this.#resolving.push(live);
    try {
      return resolve();
    } finally {
      this.#resolving.pop();
    }
  };

  constructor(init: PluginInjectorInit) {
    this.#registry = init.registry;
    this.#logger = init.logger;
    this.container = new Container(init.parent === undefined ? {} : { parent: init.parent });
    bindCoreTokens(this.container, {
      current: () => this.#resolving[this.#resolving.length - 1],
      logger: init.logger,
      manager: init.manager,
      registry: init.registry,
    });
  }

  /** A new incarnation of the plugin: logger, config and context, nothing bound or created yet. */
  prepare(record: PluginRecord, config: PluginConfig): LivePlugin {
    const { name, cls, meta } = record;
    const logger = this.#logger.child({ plugin: name });
    const bindings: BindingIdentifier[] = [];
    const container = this.container;
    const context: ManagedPluginContext = new ManagedPluginContext({
      name,
      version: meta.version,
      logger,
      config,
      registry: this.#registry,
      resolve: (token) => this.#resolveAs(live, () => container.get(token)),
      provide: (token, value) => {
        bindings.push(container.bind(token).toConstantValue(value).getIdentifier());
      },
    });
    const live: LivePlugin = { cls, logger, config, context, bindings, instance: undefined };
    return live;
  }

  /** Binds the plugin's services and class, and creates its instance. */
  instantiate(record: PluginRecord, live: LivePlugin): object | Promise<object> {
    bindProviders(this.container, live, record.meta, this.#resolveAs);
    live.bindings.push(this.container.bind(live.cls).toSelf().inSingletonScope().getIdentifier());
    return this.#construct(live);
  }

  /** Removes the incarnation's bindings (`@preDestroy` runs); returns the first failure. */
  async unbind(record: PluginRecord, live: LivePlugin): Promise<PluginLoadError | undefined> {
    let failure: PluginLoadError | undefined;
    for (const binding of live.bindings.reverse()) {
      try {
        await this.container.unbindAsync(binding);
      } catch (cause) {
        failure ??= new PluginLoadError({ plugin: record.name, phase: 'destroy', cause });
      }
    }
    return failure;
  }

  /** Creates the instance; falls back to async resolution (one at a time) when a dependency is async. */
  #construct(live: LivePlugin): object | Promise<object> {
    const cls = live.cls as Newable<object>;
    try {
      return this.#resolveAs(live, () => this.container.get(cls));
    } catch (error) {
      if (!isUnexpectedAsync(error)) throw error;
    }
    // The stack of resolving plugins must stay put while inversify awaits: serialise async resolutions.
    const run = this.#asyncResolution.then(async () => {
      this.#resolving.push(live);
      try {
        return await this.container.getAsync(cls);
      } finally {
        this.#resolving.pop();
      }
    });
    this.#asyncResolution = run.catch(() => undefined);
    return run;
  }
}
