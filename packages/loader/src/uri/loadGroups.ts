import { loadFromUriDetailed, type LoadedUri, type LoadFromUriOptions } from './loadFromUri.js';

/**
 * Imports every URI of every group, in order: group name → (URI → loaded value and origin). Rejects
 * with the first URI that fails, as {@link loadFromUri} does.
 */
export async function loadGroups(
  groups: ReadonlyMap<string, readonly string[]>,
  options: LoadFromUriOptions = {},
): Promise<Map<string, Map<string, LoadedUri>>> {
  const loaded = new Map<string, Map<string, LoadedUri>>();
  for (const [group, uris] of groups) {
    const entries = new Map<string, LoadedUri>();
    for (const uri of uris) entries.set(uri, await loadFromUriDetailed(uri, options));
    loaded.set(group, entries);
  }
  return loaded;
}
