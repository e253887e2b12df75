import { hook, type HookContext, type HookError } from '@trellis/extensions';
import { inject, type Newable, type ServiceIdentifier } from 'inversify';
import type { HookTarget } from '../context/HookTarget.js';
import type { ConfigOf } from '../config/ConfigOf.js';
import type { ConfigSchema } from '../config/ConfigSchema.js';
import type { PluginConfigSchema } from '../config/PluginConfigSchema.js';
import type { PluginContext } from '../context/PluginContext.js';
import type { PluginHookOptions } from '../context/PluginHookOptions.js';
import type { Token } from '../tokens/Token.js';
import { plugin } from './plugin.js';
import type { PluginOptions } from './PluginOptions.js';

/** Property name → token (or class) to inject, for {@link definePlugin}. */
export type InjectMap = Readonly<Record<string, ServiceIdentifier>>;

/** The instance properties an {@link InjectMap} produces. */
export type Injected<TInject extends InjectMap> = {
  -readonly [K in keyof TInject]: TInject[K] extends Token<infer V>
    ? V
    : TInject[K] extends Newable<infer V>
      ? V
      : unknown;
};

/** A hook declared in {@link definePlugin}; `handler` gets the plugin instance as `this`. */
export interface DefinedHook<TThis> extends PluginHookOptions {
  /** The event name (wildcards allowed) or typed point. */
  readonly on: HookTarget<never>;
  /** The handler; `this` is the plugin instance. */
  handler(this: TThis, value: unknown, ctx: HookContext): unknown;
}

/** What {@link definePlugin} accepts: plugin options plus injections, hooks and lifecycle functions. */
export interface DefinePluginSpec<
  TInject extends InjectMap,
  TSchema extends PluginConfigSchema = PluginConfigSchema,
> extends PluginOptions {
  /**
   * The schema of its config section (a Trellis schema or a Standard Schema); `ctx.config` in
   * `initialize` is typed by it.
   */
  readonly config?: TSchema;
  /** Services to inject, as instance properties. */
  readonly inject?: TInject;
  /** Hooks registered when the plugin loads. */
  readonly hooks?: readonly DefinedHook<Injected<TInject>>[];
  /** Runs after the instance is created; `this` is the instance. */
  initialize?(this: Injected<TInject>, ctx: PluginContext<ConfigOf<TSchema>>): unknown;
  /** Runs when the host starts. */
  start?(this: Injected<TInject>): unknown;
  /** Runs when the host stops. */
  stop?(this: Injected<TInject>): unknown;
  /** Called when one of its hooks fails, whatever the error strategy. */
  onError?(this: Injected<TInject>, error: HookError): void;
  /**
   * Other members of the instance, as plugin types look for them (`checkHealth`, `healthCheckInterval`,
   * `routes`, `handleEvent`, `eventSubscriptions`…): functions become methods with the instance as
   * `this`, other values become properties.
   */
  readonly members?: Readonly<Record<string, unknown>>;
}

/** The class {@link definePlugin} returns. */
export type DefinedPluginClass<TInject extends InjectMap> = Newable<Injected<TInject>>;

const LIFECYCLE = ['initialize', 'start', 'stop', 'onError'] as const;

const className = (name: string): string =>
  `${name.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_match, _sep: string, char: string) => char.toUpperCase())}Plugin`;

/**
 * Builds a plugin class without decorators, for JavaScript users. `inject` entries become instance
 * properties; lifecycle functions and hook handlers run with the instance as `this`.
 *
 * @example
 * ```js
 * export const Welcome = definePlugin({
 *   name: 'welcome',
 *   inject: { log: TOKENS.Logger },
 *   hooks: [{ on: 'user.login', handler(user) { this.log.info(user.name); } }],
 * });
 * ```
 */
export function definePlugin<
  TInject extends InjectMap = InjectMap,
  const TSchema extends PluginConfigSchema = ConfigSchema,
>(spec: DefinePluginSpec<TInject, TSchema>): DefinedPluginClass<TInject> {
  // The lifecycle functions become prototype methods, so they are called with the instance as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { inject: injections, hooks, initialize, start, stop, onError, members, ...options } = spec;
  const Defined = class {};
  Object.defineProperty(Defined, 'name', { value: className(options.name) });
  const prototype = Defined.prototype as Record<PropertyKey, unknown>;
  const lifecycle = { initialize, start, stop, onError };
  for (const key of LIFECYCLE) {
    const fn = lifecycle[key];
    if (fn !== undefined) {
      Object.defineProperty(prototype, key, { value: fn, writable: true, configurable: true });
    }
  }
  for (const [key, value] of Object.entries(members ?? {})) {
    Object.defineProperty(prototype, key, { value, writable: true, configurable: true });
  }
  for (const [property, token] of Object.entries(injections ?? {})) {
    inject(token)(prototype, property);
  }
  (hooks ?? []).forEach((declared, index) => {
    // The handler becomes a prototype method: it is called with the instance as `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { on, handler, ...hookOptions } = declared;
    const key = `hook#${index}:${handler.name || 'handler'}`;
    const descriptor: PropertyDescriptor = { value: handler, writable: true, configurable: true };
    Object.defineProperty(prototype, key, descriptor);
    hook(on as never, { name: handler.name || key, ...hookOptions })(prototype, key, descriptor);
  });
  plugin(options)(Defined);
  return Defined as unknown as DefinedPluginClass<TInject>;
}
