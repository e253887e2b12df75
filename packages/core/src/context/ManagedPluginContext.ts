import type {
  AnyExtensionPoint,
  AnyFunction,
  ExtensionRegistry,
  FilterPoint,
  NotifyPoint,
} from '@trellis/extensions';
import type { Newable, ServiceIdentifier } from 'inversify';
import type { Token } from '../tokens/Token.js';
import type { PluginConfig } from '../config/PluginConfig.js';
import type { Logger } from '../logging/Logger.js';
import type { HookHandler, HookTarget } from './HookTarget.js';
import type { PluginContext } from './PluginContext.js';
import type { PluginHookOptions } from './PluginHookOptions.js';

/** What the manager gives a {@link ManagedPluginContext}. Internal. */
export interface ManagedPluginContextInit {
  readonly name: string;
  readonly version: string;
  readonly logger: Logger;
  readonly config: PluginConfig;
  readonly registry: ExtensionRegistry;
  readonly resolve: <T>(token: ServiceIdentifier<T>) => T;
  readonly provide: <T>(token: ServiceIdentifier<T>, value: T) => void;
}

/** The {@link PluginContext} implementation; the manager drives its signal. Internal. */
export class ManagedPluginContext implements PluginContext {
  readonly name: string;
  readonly version: string;
  readonly logger: Logger;
  readonly config: PluginConfig;
  readonly #init: ManagedPluginContextInit;
  #controller = new AbortController();

  constructor(init: ManagedPluginContextInit) {
    this.name = init.name;
    this.version = init.version;
    this.logger = init.logger;
    this.config = init.config;
    this.#init = init;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Gives the plugin a fresh signal if the current one was aborted (before each start). */
  renewSignal(): void {
    if (this.#controller.signal.aborted) this.#controller = new AbortController();
  }

  /** Aborts the current signal (stop, unload, timeout). */
  abort(reason: unknown): void {
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
  }

  get<T>(token: Token<T> | Newable<T>): T;
  get<T = unknown>(token: ServiceIdentifier<T>): T;
  get(token: ServiceIdentifier): unknown {
    return this.#init.resolve(token);
  }

  provide<T>(token: ServiceIdentifier<T>, value: T): void {
    this.#init.provide(token, value);
  }

  registerHook<T>(
    event: HookTarget<T>,
    handler: HookHandler<T>,
    options: PluginHookOptions = {},
  ): () => void {
    return this.#init.registry.on(event as string | AnyExtensionPoint, handler as AnyFunction, {
      ...options,
      plugin: this.name,
    });
  }

  unregisterHook<T>(event: HookTarget<T>, handler: HookHandler<T>): boolean {
    return this.#init.registry.off(event, handler, this.name);
  }

  trigger<T>(event: string | FilterPoint<T>, data: T): T {
    return typeof event === 'string'
      ? this.#init.registry.filter(event, data)
      : this.#init.registry.filter(event, data);
  }

  triggerAsync<T>(event: string | FilterPoint<T>, data: T): Promise<T> {
    return typeof event === 'string'
      ? this.#init.registry.filterAsync(event, data)
      : this.#init.registry.filterAsync(event, data);
  }

  notify<T>(event: string | NotifyPoint<T>, payload: T): void {
    if (typeof event === 'string') this.#init.registry.notify(event, payload);
    else this.#init.registry.notify(event, payload);
  }

  notifyAsync<T>(event: string | NotifyPoint<T>, payload: T): Promise<void> {
    return typeof event === 'string'
      ? this.#init.registry.notifyAsync(event, payload)
      : this.#init.registry.notifyAsync(event, payload);
  }
}
