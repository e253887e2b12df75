import { pathToFileURL } from 'node:url';
import { getPluginOptions, type PluginManager, type PluginOptions } from '@trellis/core';

/**
 * The metadata of a registered plugin that came from a file. Discovery already imported the module,
 * so this reads the cached module: nothing runs again.
 */
export async function metadataOf(manager: PluginManager, name: string): Promise<PluginOptions | undefined> {
  const source = manager.getPluginSource(name);
  if (source === undefined) return undefined;
  try {
    const module = (await import(pathToFileURL(source.file).href)) as Record<string, unknown>;
    return getPluginOptions(module[source.exportName]);
  } catch {
    return undefined;
  }
}
