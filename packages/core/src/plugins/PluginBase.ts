import { ValidationError, type FilterPoint } from '@trellis/extensions';
import type { HookHandler, HookTarget } from '../context/HookTarget.js';
import type { PluginContext } from '../context/PluginContext.js';
import type { PluginHookOptions } from '../context/PluginHookOptions.js';
import type { Logger } from '../logging/Logger.js';
import { ATTACH_CONTEXT } from './attachContext.js';

/**
 * An optional base class for plugins: the manager gives it its context before `initialize`, so
 * `this.ctx`, `this.logger`, `this.getConfig()` and the hook helpers work from `initialize` on.
 *
 * @example
 * ```ts
 * @plugin({ name: 'greeter', config: { greeting: { type: 'string', default: 'Hi' } } })
 * class Greeter extends PluginBase {
 *   start() {
 *     this.registerHook('user.login', (user: User) => ({ ...user, hello: this.getConfig('greeting', 'Hi') }));
 *   }
 * }
 * ```
 */
export class PluginBase {
  #ctx: PluginContext | undefined;

  /** The plugin's context; available from `initialize` on (not in the constructor). */
  get ctx(): PluginContext {
    if (this.#ctx === undefined) {
      throw new ValidationError(
        `${this.constructor.name}: this.ctx is not available yet. Use it from initialize() on, not in ` +
          `the constructor (or inject TOKENS.Context).`,
      );
    }
    return this.#ctx;
  }

  /** The plugin's logger (`ctx.logger`). */
  get logger(): Logger {
    return this.ctx.logger;
  }

  /** A value of the plugin's config section, or `defaultValue` when absent. */
  getConfig<T>(key: string, defaultValue: T): T {
    return this.ctx.config.get(key, defaultValue);
  }

  /** Registers a handler owned by this plugin; returns a function that removes it. */
  registerHook<T>(event: HookTarget<T>, handler: HookHandler<T>, options?: PluginHookOptions): () => void {
    return this.ctx.registerHook(event, handler, options);
  }

  /** Removes a handler registered with {@link PluginBase.registerHook}. */
  unregisterHook<T>(event: HookTarget<T>, handler: HookHandler<T>): boolean {
    return this.ctx.unregisterHook(event, handler);
  }

  /** Synchronous filter dispatch (`ctx.trigger`). */
  trigger<T>(event: string | FilterPoint<T>, data: T): T {
    return this.ctx.trigger(event, data);
  }

  /** Called by the manager before `initialize`. */
  [ATTACH_CONTEXT](ctx: PluginContext): void {
    this.#ctx = ctx;
  }
}
