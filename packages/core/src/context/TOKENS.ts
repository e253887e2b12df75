import type { ExtensionRegistry } from '@trellis/extensions';
import type { PluginConfig } from '../config/PluginConfig.js';
import type { PluginContext } from '../context/PluginContext.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginManager } from '../manager/PluginManager.js';
import { createToken } from './createToken.js';

/**
 * Tokens of the services Trellis binds for plugins:
 * - `Logger`: a pino child logger bound to `{ plugin: name }`;
 * - `Config`: the plugin's validated config section (the same accessor as `ctx.config`);
 * - `Context`: the plugin's {@link PluginContext};
 * - `Manager`: the {@link PluginManager};
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
  Manager: createToken<PluginManager>('trellis.manager'),
  Extensions: createToken<ExtensionRegistry>('trellis.extensions'),
});
