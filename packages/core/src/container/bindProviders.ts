import { ValidationError } from '@trellis/extensions';
import type { BindingIdentifier, Container, Newable, ServiceIdentifier } from 'inversify';
import type { LivePlugin } from '../model/PluginRecord.js';
import type { PluginMetadata, ProviderDefinition } from '../plugins/PluginOptions.js';
import { ThenableBox } from './ThenableBox.js';
import { settleProperties, type UnboxingClass } from './unboxingClass.js';

/** Runs a resolution as the given plugin (whose Logger, Config and Context get injected). */
export type ResolveAs = <T>(live: LivePlugin, resolve: () => T) => T;

/** Gives the unboxing wrapper of a class (made once per class, so reloads reuse it). */
export type WrapClass = (cls: Newable<object>) => UnboxingClass<object>;

/** What {@link bindProviders} needs from the injector. Internal. */
export interface ProviderBindingTools {
  readonly resolveAs: ResolveAs;
  readonly wrap: WrapClass;
  /** The plugin being instantiated or resolving through its `ctx.get()` (innermost), if any. */
  readonly consumer: () => LivePlugin | undefined;
}

const describeToken = (token: ServiceIdentifier): string =>
  typeof token === 'function' ? token.name : String(token);

/**
 * Binds a class so that thenables injected into it arrive as they are. Returns the binding's
 * identifier. Internal.
 */
export function bindClass(
  container: Container,
  identifier: ServiceIdentifier,
  cls: Newable<object>,
  wrap: WrapClass,
): BindingIdentifier {
  const { type, properties } = wrap(cls);
  const binding = container.bind(identifier).to(type).inSingletonScope();
  if (properties.length > 0) {
    binding.onActivation((_context, instance) => {
      settleProperties(instance as object, properties);
      return instance;
    });
  }
  return binding.getIdentifier();
}

function bindConsumerScoped(
  container: Container,
  live: LivePlugin,
  meta: PluginMetadata,
  provider: Extract<ProviderDefinition, { readonly scope: 'consumer' }>,
  tools: ProviderBindingTools,
): BindingIdentifier {
  const { token, useFactory } = provider;
  // One value per consumer incarnation: shared by its injections and ctx.get() calls, dropped with it.
  const values = new WeakMap<LivePlugin, unknown>();
  return container
    .bind(token)
    .toDynamicValue(() => {
      const consumer = tools.consumer();
      if (consumer === undefined) {
        throw new ValidationError(
          `'${describeToken(token)}' is provided by plugin '${meta.name}' for each consumer (scope: 'consumer'): ` +
            `inject it into a plugin or resolve it through the plugin's ctx.get(), not from the host.`,
        );
      }
      if (values.has(consumer)) return values.get(consumer);
      const value = ThenableBox.wrap(tools.resolveAs(live, () => useFactory(live.context, consumer.context)));
      values.set(consumer, value);
      return value;
    })
    .getIdentifier();
}

/** Binds the services a plugin `provides`, recording each binding in `live.bindings`. Internal. */
export function bindProviders(
  container: Container,
  live: LivePlugin,
  meta: PluginMetadata,
  tools: ProviderBindingTools,
): void {
  const { resolveAs } = tools;
  for (const provider of meta.provides) {
    const token = provider.token;
    if ('useValue' in provider) {
      live.bindings.push(
        container.bind(token).toConstantValue(ThenableBox.wrap(provider.useValue)).getIdentifier(),
      );
    } else if ('useFactory' in provider) {
      if (provider.scope === 'consumer') {
        live.bindings.push(bindConsumerScoped(container, live, meta, provider, tools));
        continue;
      }
      const factory = provider.useFactory;
      live.bindings.push(
        container
          .bind(token)
          .toDynamicValue(() => ThenableBox.wrap(resolveAs(live, () => factory(live.context))))
          .inSingletonScope()
          .getIdentifier(),
      );
    } else {
      // A private identifier for the class, so its own injections resolve as the providing plugin.
      const hidden = Symbol(`${meta.name}:${describeToken(token)}`);
      live.bindings.push(bindClass(container, hidden, provider.useClass as Newable<object>, tools.wrap));
      live.bindings.push(
        container
          .bind(token)
          .toDynamicValue((context) => resolveAs(live, () => context.get(hidden)))
          .inSingletonScope()
          .getIdentifier(),
      );
    }
  }
}
