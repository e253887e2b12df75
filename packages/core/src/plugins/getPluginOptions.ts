import 'reflect-metadata';
import type { PluginOptions } from './PluginOptions.js';
import { PLUGIN_METADATA_KEY } from './pluginMetadataKey.js';

/**
 * The options `@plugin` (or `definePlugin`) recorded on `target`, or `undefined` when it is not a
 * plugin class. Only the class's own declaration counts: a subclass needs its own `@plugin`.
 */
export function getPluginOptions(target: unknown): PluginOptions | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getOwnMetadata(PLUGIN_METADATA_KEY, target) as PluginOptions | undefined;
}
