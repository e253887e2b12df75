import type { Container } from 'inversify';
import type { LivePlugin } from '../model/PluginRecord.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';

/** Runs a resolution as the given plugin (whose Logger, Config and Context get injected). */
export type ResolveAs = <T>(live: LivePlugin, resolve: () => T) => T;

/** Binds the services a plugin `provides`, recording each binding in `live.bindings`. Internal. */
export function bindProviders(
  container: Container,
  live: LivePlugin,
  meta: PluginMetadata,
  resolveAs: ResolveAs,
): void {
  for (const provider of meta.provides) {
    const token = provider.token;
    if ('useValue' in provider) {
      live.bindings.push(container.bind(token).toConstantValue(provider.useValue).getIdentifier());
    } else if ('useFactory' in provider) {
      const factory = provider.useFactory;
      live.bindings.push(
        container
          .bind(token)
          .toDynamicValue(() => resolveAs(live, () => factory(live.context)))
          .inSingletonScope()
          .getIdentifier(),
      );
    } else {
      // A private identifier for the class, so its own injections resolve as the providing plugin.
      const hidden = Symbol(`${meta.name}:${String(token)}`);
      live.bindings.push(container.bind(hidden).to(provider.useClass).inSingletonScope().getIdentifier());
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
