import { loadFromUriDetailed, type LoadFromUriOptions } from '@trellis/loader';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { Candidate, PluginDiscovery } from './PluginDiscovery.js';

/**
 * `manager.groups`: named, ordered maps from URI to the loaded object. URIs are appended in the
 * order given; a URI already in its group keeps its first place; plugin classes are registered.
 * Internal.
 */
export class PluginGroups {
  readonly #groups = new Map<string, Map<string, unknown>>();
  readonly #discovery: PluginDiscovery;

  constructor(discovery: PluginDiscovery) {
    this.#discovery = discovery;
  }

  /** The groups, in the order they were first given. */
  get groups(): ReadonlyMap<string, ReadonlyMap<string, unknown>> {
    return this.#groups;
  }

  /** Loads and appends the groups' URIs; resolves to the names of the plugins registered. */
  async add(
    groups: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>,
    options: LoadFromUriOptions = {},
  ): Promise<string[]> {
    const entries: [string, readonly string[]][] =
      groups instanceof Map
        ? [...(groups as ReadonlyMap<string, readonly string[]>)]
        : Object.entries(groups as Readonly<Record<string, readonly string[]>>);
    const staged: [string, string, unknown][] = [];
    const candidates: Candidate[] = [];
    for (const [group, uris] of entries) {
      const existing = this.#groups.get(group);
      for (const uri of uris) {
        if (existing?.has(uri) === true || staged.some(([g, u]) => g === group && u === uri)) continue;
        const loaded = await loadFromUriDetailed(uri, options);
        staged.push([group, uri, loaded.value]);
        const pluginOptions = getPluginOptions(loaded.value);
        if (pluginOptions !== undefined && loaded.exportName !== undefined) {
          candidates.push({
            name: pluginOptions.name,
            cls: loaded.value as PluginClass,
            source: {
              file: loaded.file,
              exportName: loaded.exportName,
              manifestDir: undefined,
              origin: 'uri',
              manifest: undefined,
            },
          });
        }
      }
    }
    const names = this.#discovery.register(candidates);
    for (const [group, uri, value] of staged) {
      let map = this.#groups.get(group);
      if (map === undefined) {
        map = new Map();
        this.#groups.set(group, map);
      }
      map.set(uri, value);
    }
    return names;
  }
}
