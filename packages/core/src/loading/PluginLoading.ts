import type { ExtensionRegistry } from '@trellis/extensions';
import type { DiscoverPackagesOptions, LoadFromUriOptions, ManifestInfo } from '@trellis/loader';
import type { PluginLoader } from '../lifecycle/PluginLoader.js';
import type { PluginRegistrar } from '../lifecycle/PluginRegistrar.js';
import type { PluginReloader } from '../lifecycle/PluginReloader.js';
import type { PluginRunner } from '../lifecycle/PluginRunner.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { DiscoverOptions } from './DiscoverOptions.js';
import type { FileReloadReport } from './FileReloadReport.js';
import { FileReloader } from './FileReloader.js';
import { PluginDiscovery } from './PluginDiscovery.js';
import { PluginGroups } from './PluginGroups.js';
import type { PluginSource } from './PluginSource.js';
import type { PluginSourceInfo } from './PluginSourceInfo.js';
import { PluginWatch } from './PluginWatch.js';
import type { PluginWatcher, WatchOptions } from './WatchOptions.js';

/** What {@link PluginLoading} works with (the manager's services). Internal. */
export interface PluginLoadingInit {
  readonly registry: ExtensionRegistry;
  readonly registrar: PluginRegistrar;
  readonly reloader: PluginReloader;
  readonly loader: PluginLoader;
  readonly runner: PluginRunner;
  /** The record of a registered name (throws `PluginNotFoundError`). */
  readonly record: (name: string) => PluginRecord;
  /** The plugin and its dependents, in dependency order. */
  readonly withDependents: (record: PluginRecord) => PluginRecord[];
  /** Registered names in dependency order. */
  readonly order: () => readonly string[];
  /** `manager.configure(name, section)`: validates and applies a config section. */
  readonly configure: (name: string, section: Readonly<Record<string, unknown>>) => void;
  /**
   * `manager.reload(name)`: a watch-triggered reload goes through the manager's lifecycle queue like
   * any other, so it never races a `stop()` or `close()`. Default: reload directly.
   */
  readonly reload?: (name: string) => Promise<FileReloadReport>;
  /** The class to register for a plugin from a file (its isolation stand-in when isolated). */
  readonly prepare?: (cls: PluginClass, file: string, exportName: string) => PluginClass;
  /** The stand-in for an isolated plugin folder, from its manifest (no import). */
  readonly prepareManifest?: (info: ManifestInfo) => PluginClass | undefined;
  readonly logger: Logger;
}

/**
 * Everything about plugins that come from files, for the manager facade: discovery, packages, URI
 * groups, reload from files, watching. Internal.
 */
export class PluginLoading {
  readonly #sources = new Map<string, PluginSource>();
  readonly #discovery: PluginDiscovery;
  readonly #groups: PluginGroups;
  readonly #reloader: FileReloader;
  readonly #watch: PluginWatch;

  constructor(init: PluginLoadingInit) {
    const sources = this.#sources;
    this.#discovery = new PluginDiscovery({
      registrar: init.registrar,
      sources,
      logger: init.logger,
      ...(init.prepare === undefined ? {} : { prepare: init.prepare }),
      ...(init.prepareManifest === undefined ? {} : { prepareManifest: init.prepareManifest }),
    });
    this.#groups = new PluginGroups(this.#discovery);
    this.#reloader = new FileReloader({ ...init, sources });
    this.#watch = new PluginWatch({
      sources,
      reload: init.reload ?? ((name) => this.#reloader.reload(init.record(name))),
      inOrder: (names) => init.order().filter((name) => names.includes(name)),
      isRegistered: (name) => init.order().includes(name),
      isLoaded: (name) => init.record(name).live !== undefined,
      configure: init.configure,
      logger: init.logger,
    });
  }

  /** `manager.groups`. */
  get groups(): ReadonlyMap<string, ReadonlyMap<string, unknown>> {
    return this.#groups.groups;
  }

  discover(dir: string, options?: DiscoverOptions): Promise<string[]> {
    return this.#discovery.discover(dir, options);
  }

  discoverPackages(options?: DiscoverPackagesOptions): Promise<string[]> {
    return this.#discovery.discoverPackages(options);
  }

  addGroups(
    groups: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>,
    options?: LoadFromUriOptions,
  ): Promise<string[]> {
    return this.#groups.add(groups, options);
  }

  reload(record: PluginRecord): Promise<FileReloadReport> {
    return this.#reloader.reload(record);
  }

  watch(options?: WatchOptions): PluginWatcher {
    return this.#watch.start(options);
  }

  /** The file a plugin was registered from, if any. */
  sourceOf(name: string): string | undefined {
    return this.#sources.get(name)?.file;
  }

  /** Where a plugin registered from a file came from, as plain data; `undefined` for code. */
  sourceInfo(name: string): PluginSourceInfo | undefined {
    const source = this.#sources.get(name);
    if (source === undefined) return undefined;
    return {
      origin: source.origin,
      file: source.file,
      exportName: source.exportName,
      manifest: source.manifestDir === undefined ? null : `${source.manifestDir}/plugin.json`,
    };
  }

  /** Forgets a plugin's source (it was unregistered). */
  forget(name: string): void {
    this.#sources.delete(name);
  }

  /** Stops the watchers. */
  close(): Promise<void> {
    return this.#watch.close();
  }
}
