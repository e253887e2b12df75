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

/**
 * What every {@link ManagedPluginContext} of a manager shares: one object, so a context holds no
 * closures of its own. `TOwner` is the incarnation a context belongs to, opaque here (the container
 * knows what it is). Internal.
 */
export interface ContextHost<TOwner extends object> {
  readonly registry: ExtensionRegistry;
  /** The plugin's logger: a child of the manager's bound to `{ plugin: name }`. */
  childLogger(name: string): Logger;
  /** Resolves a token as the plugin (its Logger, Config and Context get injected). */
  resolve<T>(owner: TOwner, token: ServiceIdentifier<T>): T;
  /** Binds a value for the lifetime of the plugin's incarnation. */
  provide<T>(owner: TOwner, token: ServiceIdentifier<T>, value: T): void;
  /** Throws `PermissionError` when the plugin may not hook `event` (`hooks:<event>`, section 9). */
  checkHook?(plugin: string, event: string): void;
}

/** Why the manager aborts a plugin's signal, besides a timeout. */
export type AbortCause = 'stopping' | 'unloaded';

/** The {@link PluginContext} implementation; the manager drives its signal. Internal. */
export class ManagedPluginContext<TOwner extends object = object> implements PluginContext {
  readonly name: string;
  readonly version: string;
  readonly config: PluginConfig;
  readonly #host: ContextHost<TOwner>;
  readonly #owner: TOwner;
  /** Made on first use: many plugins never log. */
  #logger: Logger | undefined;
  /** Created when `signal` is first read: most plugins never look at it. */
  #controller: AbortController | undefined;
  /** Whether the current signal is aborted (known without a controller). */
  #aborted = false;
  /** The reason of an abort that happened while there was no controller. */
  #reason: unknown;
  /** Set instead of `#reason` when the reason is the stop or unload error, made on demand. */
  #because: AbortCause | undefined;

  constructor(host: ContextHost<TOwner>, owner: TOwner, name: string, version: string, config: PluginConfig) {
    this.name = name;
    this.version = version;
    this.config = config;
    this.#host = host;
    this.#owner = owner;
  }

  get logger(): Logger {
    return (this.#logger ??= this.#host.childLogger(this.name));
  }

  /** Made on first read; read after an abort, it is already aborted with that abort's reason. */
  get signal(): AbortSignal {
    let controller = this.#controller;
    if (controller === undefined) {
      controller = new AbortController();
      this.#controller = controller;
      if (this.#aborted) {
        const reason = this.#because === undefined ? this.#reason : this.#causeError(this.#because);
        this.#reason = undefined;
        this.#because = undefined;
        controller.abort(reason);
      }
    }
    return controller.signal;
  }

  /** Gives the plugin a fresh signal if the current one was aborted (before each start). */
  renewSignal(): void {
    if (!this.#aborted) return;
    this.#aborted = false;
    this.#controller = undefined;
    this.#reason = undefined;
    this.#because = undefined;
  }

  /** Aborts the current signal (timeout) with the given reason. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    if (this.#controller !== undefined) this.#controller.abort(reason);
    else this.#reason = reason;
  }

  /**
   * Aborts the current signal on stop or unload, with `Error("plugin '<name>' is <cause>")`; the
   * error (and its stack) is only made when the signal exists or is read later.
   */
  abortBecause(cause: AbortCause): void {
    if (this.#aborted) return;
    this.#aborted = true;
    if (this.#controller !== undefined) this.#controller.abort(this.#causeError(cause));
    else this.#because = cause;
  }

  #causeError(cause: AbortCause): Error {
    return new Error(`plugin '${this.name}' is ${cause}`);
  }

  get<T>(token: Token<T> | Newable<T>): T;
  get<T = unknown>(token: ServiceIdentifier<T>): T;
  get(token: ServiceIdentifier): unknown {
    return this.#host.resolve(this.#owner, token);
  }

  provide<T>(token: ServiceIdentifier<T>, value: T): void {
    this.#host.provide(this.#owner, token, value);
  }

  registerHook<T>(
    event: HookTarget<T>,
    handler: HookHandler<T>,
    options: PluginHookOptions = {},
  ): () => void {
    this.#host.checkHook?.(this.name, typeof event === 'string' ? event : event.name);
    return this.#host.registry.on(event as string | AnyExtensionPoint, handler as AnyFunction, {
      ...options,
      plugin: this.name,
    });
  }

  unregisterHook<T>(event: HookTarget<T>, handler: HookHandler<T>): boolean {
    return this.#host.registry.off(event, handler, this.name);
  }

  trigger<T>(event: string | FilterPoint<T>, data: T): T {
    return typeof event === 'string'
      ? this.#host.registry.filter(event, data)
      : this.#host.registry.filter(event, data);
  }

  triggerAsync<T>(event: string | FilterPoint<T>, data: T): Promise<T> {
    return typeof event === 'string'
      ? this.#host.registry.filterAsync(event, data)
      : this.#host.registry.filterAsync(event, data);
  }

  notify<T>(event: string | NotifyPoint<T>, payload: T): void {
    if (typeof event === 'string') this.#host.registry.notify(event, payload);
    else this.#host.registry.notify(event, payload);
  }

  notifyAsync<T>(event: string | NotifyPoint<T>, payload: T): Promise<void> {
    return typeof event === 'string'
      ? this.#host.registry.notifyAsync(event, payload)
      : this.#host.registry.notifyAsync(event, payload);
  }
}
