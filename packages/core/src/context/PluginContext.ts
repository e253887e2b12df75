import type { FilterPoint, NotifyPoint } from '@trellis/extensions';
import type { Newable, ServiceIdentifier } from 'inversify';
import type { Token } from '../tokens/Token.js';
import type { PluginConfig } from '../config/PluginConfig.js';
import type { Logger } from '../logging/Logger.js';
import type { HookHandler, HookTarget } from './HookTarget.js';
import type { PluginHookOptions } from './PluginHookOptions.js';

/**
 * The narrow view of the host a plugin gets in `initialize(ctx)` (and through `TOKENS.Context`):
 * its identity, logger, config, a cancellation signal, service lookup and hooks. `TConfig` types
 * `config` (`PluginContext<ConfigOf<typeof schema>>`; `definePlugin` infers it from `config`).
 *
 * @example
 * ```ts
 * async initialize(ctx: PluginContext) {
 *   ctx.registerHook('user.login', (user) => ({ ...user, seen: true }));
 *   this.timer = setInterval(() => this.poll(ctx.signal), 1000);
 * }
 * ```
 */
export interface PluginContext<TConfig extends object = Record<string, unknown>> {
  /** The plugin's name. */
  readonly name: string;
  /** The plugin's version. */
  readonly version: string;
  /** A pino child logger bound to `{ plugin: name }`. */
  readonly logger: Logger;
  /** Its validated config section, typed by `TConfig` (see `ConfigOf`). */
  readonly config: PluginConfig<TConfig>;
  /** Aborted when the plugin is stopped or unloaded; a fresh signal is made for each start. */
  readonly signal: AbortSignal;
  /** Resolves a service from the container, as the plugin would have it injected. */
  get<T>(token: Token<T> | Newable<T>): T;
  /** Resolves a service by any identifier (string, symbol, class) the container knows. */
  get<T = unknown>(token: ServiceIdentifier<T>): T;
  /** Binds a value for other plugins while this plugin is loaded (removed on unload). */
  provide<T>(token: ServiceIdentifier<T>, value: T): void;
  /** Registers a handler owned by this plugin; returns a function that removes it. */
  registerHook<T>(event: HookTarget<T>, handler: HookHandler<T>, options?: PluginHookOptions): () => void;
  /** Removes a handler this plugin registered; true when one was removed. */
  unregisterHook<T>(event: HookTarget<T>, handler: HookHandler<T>): boolean;
  /** Synchronous filter dispatch. */
  trigger<T>(event: string | FilterPoint<T>, data: T): T;
  /** Asynchronous filter dispatch. */
  triggerAsync<T>(event: string | FilterPoint<T>, data: T): Promise<T>;
  /** Synchronous notify dispatch. */
  notify<T>(event: string | NotifyPoint<T>, payload: T): void;
  /** Asynchronous notify dispatch. */
  notifyAsync<T>(event: string | NotifyPoint<T>, payload: T): Promise<void>;
}
