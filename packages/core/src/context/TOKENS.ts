import type { ExtensionRegistry } from '@trellis/extensions';
import type { PluginConfig } from '../config/PluginConfig.js';
import type { PluginContext } from './PluginContext.js';
import type { Logger } from '../logging/Logger.js';
import { createToken } from '../tokens/createToken.js';

/**
 * The types of core services defined above `context/` (the `PluginManager` facade), added by
 * declaration merging where they are defined, so that this file needs no import of them. Internal.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface CoreServiceTypes {}

/**
 * Tokens of the services Trellis binds for plugins:
 * - `Logger`: a pino child logger bound to `{ plugin: name }`;
 * - `Config`: the plugin's validated config section (the same accessor as `ctx.config`);
 * - `Context`: the plugin's {@link PluginContext};
 * - `Manager`: the `PluginManager`;
 * - `Extensions`: the manager's `ExtensionRegistry`.
 *
 * @example
 * ```ts
 * constructor(@inject(TOKENS.Logger) private readonly log: Logger) {}
 * ```
 */
export const TOKENS = Object.freeze({
  Logger: createToken<Logger>('trellis.logger'),
  Config: createToken<PluginConfig>('trellis.config'),
  Context: createToken<PluginContext>('trellis.context'),
  Manager: createToken<CoreServiceTypes extends { readonly Manager: infer T } ? T : never>('trellis.manager'),
  Extensions: createToken<ExtensionRegistry>('trellis.extensions'),
});
