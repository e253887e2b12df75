import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';

/** A plugin class found among a module's exports. Internal. */
export interface PluginExport {
  readonly exportName: string;
  readonly cls: PluginClass;
  readonly name: string;
}

/**
 * The plugin classes a module exports (decorated classes, `definePlugin` results, decorated
 * `PluginBase` subclasses), once each: a class exported twice (`default` and a name) counts once,
 * under its first export name in namespace order (export names sorted, as ES modules list them).
 * Internal.
 */
export function pluginExports(namespace: Readonly<Record<string, unknown>>): PluginExport[] {
  const found: PluginExport[] = [];
  for (const exportName of Object.keys(namespace)) {
    const value = namespace[exportName];
    const options = getPluginOptions(value);
    if (options === undefined) continue;
    if (found.some((entry) => entry.cls === value)) continue;
    found.push({ exportName, cls: value as PluginClass, name: options.name });
  }
  return found;
}
