import { ValidationError, type ExtensionRegistry } from '@trellis/extensions';
import type { Container } from 'inversify';
import type { Logger } from '../logging/Logger.js';
import type { LivePlugin } from '../model/PluginRecord.js';
import { TOKENS } from '../context/TOKENS.js';

/** What {@link bindCoreTokens} binds. Internal. */
export interface CoreTokenValues {
  /** The plugin being instantiated (innermost), whose Logger, Config and Context are injected. */
  readonly current: () => LivePlugin | undefined;
  readonly logger: Logger;
  readonly manager: object;
  readonly registry: ExtensionRegistry;
}

/** Binds `TOKENS.*` in the manager's container. */
export function bindCoreTokens(container: Container, values: CoreTokenValues): void {
  const { current } = values;
  const outside = (token: string): never => {
    throw new ValidationError(
      `${token} can only be injected into a plugin (or resolved through its ctx.get()).`,
    );
  };
  container.bind(TOKENS.Logger).toDynamicValue(() => current()?.logger ?? values.logger);
  container.bind(TOKENS.Config).toDynamicValue(() => current()?.config ?? outside('TOKENS.Config'));
  container.bind(TOKENS.Context).toDynamicValue(() => current()?.context ?? outside('TOKENS.Context'));
  container.bind(TOKENS.Manager).toConstantValue(values.manager);
  container.bind(TOKENS.Extensions).toConstantValue(values.registry);
}
