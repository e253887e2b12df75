import { getPluginOptions } from './getPluginOptions.js';
import type { PluginClass } from './PluginClass.js';

/** Whether `value` is a class decorated with `@plugin` (or made by `definePlugin`). */
export function isPluginClass(value: unknown): value is PluginClass {
  return getPluginOptions(value) !== undefined;
}
