import type { Newable, ServiceIdentifier } from 'inversify';
import type { PluginConfigSchema } from '../config/PluginConfigSchema.js';
import type { PluginContext } from '../context/PluginContext.js';
import type { IsolationOptions } from '../isolation/IsolationSettings.js';

/** Dependencies: plugin name → semver range, or a list of names meaning any version. */
export type DependencySpec = Readonly<Record<string, string>> | readonly string[];

/** How long a provided value lives: one for every consumer, or one per injecting plugin. */
export type ProviderScope = 'singleton' | 'consumer';

/**
 * A service a plugin offers to others, bound in the container while the plugin is loaded. Values
 * (and factory results) that are thenables are injected as they are, never awaited.
 *
 * @example
 * ```ts
 * provides: [
 *   { token: Clock, useValue: systemClock },
 *   { token: Pool, useFactory: (ctx) => createPool(ctx.config.get('url')) },
 *   // each injecting plugin gets its own facade, built with its own context
 *   { token: Registry, scope: 'consumer', useFactory: (own, consumer) => registry.forPlugin(consumer.name) },
 * ]
 * ```
 */
export type ProviderDefinition<T = unknown> =
  | {
      readonly token: ServiceIdentifier<T>;
      /** Instantiated once, on first use, resolving its injections as the providing plugin. */
      readonly useClass: Newable<T>;
      readonly scope?: 'singleton';
    }
  | { readonly token: ServiceIdentifier<T>; readonly useValue: T; readonly scope?: 'singleton' }
  | {
      readonly token: ServiceIdentifier<T>;
      /** Called once, on first use, with the providing plugin's context. */
      readonly useFactory: (ctx: PluginContext) => T;
      /** `'singleton'` (the default): one value shared by every consumer. */
      readonly scope?: 'singleton';
    }
  | {
      readonly token: ServiceIdentifier<T>;
      /**
       * Called once per injecting plugin (per load of it), with the providing plugin's context and
       * the consumer's; the value is shared by that consumer's injections and `ctx.get()` calls.
       */
      readonly useFactory: (providerCtx: PluginContext, consumerCtx: PluginContext) => T;
      /** `'consumer'`: every injecting plugin gets its own value. */
      readonly scope: 'consumer';
    };

/**
 * What `@plugin` (and `definePlugin`) declare about a plugin. Only `name` is required.
 *
 * @example
 * ```ts
 * @plugin({ name: 'welcome', version: '1.0.0', dependencies: { auth: '^1.2.0' } })
 * ```
 */
export interface PluginOptions extends IsolationOptions {
  /** Unique name: `/^[A-Za-z0-9][A-Za-z0-9._-]*$/`. */
  readonly name: string;
  /** Semver version; default `'0.0.0'`. */
  readonly version?: string;
  /** One line about what it does. */
  readonly description?: string;
  /** Who wrote it. */
  readonly author?: string;
  /** Plugins that must load first, with version ranges (or a list of names: any version). */
  readonly dependencies?: DependencySpec;
  /** Plugins ordered before this one when they are registered; ignored otherwise. */
  readonly optionalDependencies?: DependencySpec;
  /** Host versions supported: `{ trellis: '^1.0.0' }`. */
  readonly engines?: { readonly trellis?: string };
  /** Permissions the plugin asks for (informational, for hosts that enforce them). */
  readonly permissions?: readonly string[];
  /** The schema of its config section. */
  readonly config?: PluginConfigSchema;
  /** Services it provides to other plugins. */
  readonly provides?: readonly ProviderDefinition[];
}

/** {@link PluginOptions} after validation, with defaults applied. */
export interface PluginMetadata {
  readonly name: string;
  readonly version: string;
  readonly description: string | undefined;
  readonly author: string | undefined;
  /** name → range (`'*'` for any version). */
  readonly dependencies: Readonly<Record<string, string>>;
  /** name → range (`'*'` for any version). */
  readonly optionalDependencies: Readonly<Record<string, string>>;
  readonly engines: { readonly trellis?: string };
  readonly permissions: readonly string[];
  readonly config: PluginConfigSchema | undefined;
  readonly provides: readonly ProviderDefinition[];
}
