import type { ExtensionRegistry } from '@trellis/extensions';
import { Container, type BindingIdentifier, type Newable, type ServiceIdentifier } from 'inversify';
import type { PluginConfig } from '../config/PluginConfig.js';
import type { ContextHost } from '../context/ManagedPluginContext.js';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import type { Logger } from '../logging/Logger.js';
import { LivePlugin, type PluginRecord } from '../model/PluginRecord.js';
import { bindCoreTokens } from './bindCoreTokens.js';
import {
  findUnresolvableInjection,
  injectionChecks,
  type InjectionCheck,
} from './findUnresolvableInjection.js';
import { bindClass, bindProviders, type ProviderBindingTools } from './bindProviders.js';
import { ThenableBox } from './ThenableBox.js';
import { unboxingClass, type UnboxingClass } from './unboxingClass.js';

/** What a {@link PluginInjector} works with. Internal. */
export interface PluginInjectorInit {
  /** A parent container of the host. */
  readonly parent: Container | undefined;
  readonly registry: ExtensionRegistry;
  readonly logger: Logger;
  /** What `TOKENS.Manager` resolves to. */
  readonly manager: object;
  /** Checks a plugin's `ctx.registerHook` against its permissions (`hooks:<event>`). */
  readonly checkHook?: (plugin: string, event: string) => void;
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
  readonly #host: ContextHost<LivePlugin>;
  /** The plugins being instantiated (innermost last). */
  readonly #resolving: LivePlugin[] = [];
  #asyncResolution: Promise<unknown> = Promise.resolve();
  readonly #tools: ProviderBindingTools;
  /** The injections of each plugin class to check before it is constructed (read once per class). */
  readonly #checks = new WeakMap<object, readonly InjectionCheck[]>();
  readonly #resolveAs = <T>(live: LivePlugin, resolve: () => T): T => {
    this.#resolving.push(live);
    try {
      return resolve();
    } finally {
      this.#resolving.pop();
    }
  };

  constructor(init: PluginInjectorInit) {
    const container = new Container(init.parent === undefined ? {} : { parent: init.parent });
    this.container = container;
    const logger = init.logger;
    this.#host = {
      registry: init.registry,
      childLogger: (name) => logger.child({ plugin: name }),
      resolve: (owner, token) =>
        ThenableBox.unwrap(this.#resolveAs(owner, () => container.get(token as ServiceIdentifier))) as never,
      provide: (owner, token, value) => {
        const bound = ThenableBox.wrap(value);
        owner.bindings.push(container.bind<unknown>(token).toConstantValue(bound).getIdentifier());
      },
      ...(init.checkHook === undefined ? {} : { checkHook: init.checkHook }),
    };
    const current = (): LivePlugin | undefined => this.#resolving[this.#resolving.length - 1];
    const wrappers = new WeakMap<Newable<object>, UnboxingClass<object>>();
    const wrap = (cls: Newable<object>): UnboxingClass<object> => {
      let wrapper = wrappers.get(cls);
      if (wrapper === undefined) {
        wrapper = unboxingClass(cls);
        wrappers.set(cls, wrapper);
      }
      return wrapper;
    };
    this.#tools = { resolveAs: this.#resolveAs, consumer: current, wrap };
    bindCoreTokens(container, {
      current,
      logger: init.logger,
      manager: init.manager,
      registry: init.registry,
    });
  }

  /** A new incarnation of the plugin: config and context, nothing bound or created yet. */
  prepare(record: PluginRecord, config: PluginConfig): LivePlugin {
    return new LivePlugin(this.#host, record, config);
  }

  /** Binds the plugin's services and class, and creates its instance. */
  instantiate(record: PluginRecord, live: LivePlugin): object | Promise<object> {
    // Before anything is bound or constructed: an injection nobody can satisfy is a DependencyError.
    let checks = this.#checks.get(live.cls);
    if (checks === undefined) {
      checks = injectionChecks(live.cls);
      this.#checks.set(live.cls, checks);
    }
    const unresolvable = findUnresolvableInjection(this.container, record.name, live.cls, checks);
    if (unresolvable !== undefined) throw unresolvable;
    bindProviders(this.container, live, record.meta, this.#tools);
    live.bindings.push(bindClass(this.container, live.cls, live.cls as Newable<object>, this.#tools.wrap));
    return this.#construct(live);
  }

  /**
   * The value bound to a token, resolved from the host (outside any plugin); thenables come back
   * as they are.
   */
  get(token: ServiceIdentifier): unknown {
    return ThenableBox.unwrap(this.container.get(token));
  }

  /** Removes the incarnation's bindings (`@preDestroy` runs); returns the first failure. */
  async unbind(record: PluginRecord, live: LivePlugin): Promise<PluginLoadError | undefined> {
    let failure: PluginLoadError | undefined;
    const bindings = live.bindings;
    for (let index = bindings.length - 1; index >= 0; index--) {
      try {
        await this.container.unbindAsync(bindings[index] as BindingIdentifier);
      } catch (cause) {
        failure ??= new PluginLoadError({ plugin: record.name, phase: 'destroy', cause });
      }
    }
    bindings.length = 0;
    return failure;
  }

  /** Creates the instance; falls back to async resolution (one at a time) when a dependency is async. */
  #construct(live: LivePlugin): object | Promise<object> {
    const cls = live.cls as Newable<object>;
    this.#resolving.push(live);
    try {
      return this.container.get(cls);
    } catch (error) {
      if (!isUnexpectedAsync(error)) throw error;
    } finally {
      this.#resolving.pop();
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
