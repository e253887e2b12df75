import {
  discoverPackages,
  importModule,
  ManifestValidator,
  readManifest,
  scanDirectory,
  type DiscoverPackagesOptions,
  type ManifestInfo,
} from '@trellis/loader';
import { PluginDiscoveryError } from '../errors/PluginDiscoveryError.js';
import { isolationInfoOf } from '../isolation/IsolationInfo.js';
import type { PluginRegistrar } from '../lifecycle/PluginRegistrar.js';
import type { Logger } from '../logging/Logger.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { DiscoverOptions } from './DiscoverOptions.js';
import { pluginExports } from './pluginExports.js';
import type { PluginSource } from './PluginSource.js';
import { toDiscoveryError } from './toDiscoveryError.js';

/** A plugin class found in a file, not registered yet. Internal. */
export interface Candidate {
  readonly name: string;
  readonly cls: PluginClass;
  readonly source: PluginSource;
}

/** What a {@link PluginDiscovery} works with. Internal. */
export interface PluginDiscoveryInit {
  readonly registrar: PluginRegistrar;
  /** Sources of the plugins registered from files, by name (shared with reload and watch). */
  readonly sources: Map<string, PluginSource>;
  readonly logger: Logger;
  /** The class to register for a candidate (its isolation stand-in when isolated); default the class. */
  readonly prepare?: (cls: PluginClass, file: string, exportName: string) => PluginClass;
  /** The stand-in for an isolated plugin folder, built from its manifest without importing code. */
  readonly prepareManifest?: (info: ManifestInfo) => PluginClass | undefined;
}

const describeSource = (source: PluginSource): string =>
  source.manifestDir === undefined
    ? `${source.file}#${source.exportName}`
    : `${source.manifestDir}/plugin.json`;

/**
 * Registers plugins found in files: a directory's modules and plugin folders, and the plugin
 * modules of the host's packages. Registers, never loads. Internal.
 */
export class PluginDiscovery {
  readonly #init: PluginDiscoveryInit;

  constructor(init: PluginDiscoveryInit) {
    this.#init = init;
  }

  /** `manager.discoverPlugins(dir, options)`. */
  async discover(dir: string, options: DiscoverOptions = {}): Promise<string[]> {
    let scan;
    try {
      scan = await scanDirectory(dir, options);
    } catch (error) {
      throw toDiscoveryError(error, dir, 'Cannot discover plugins');
    }
    const report = (error: PluginDiscoveryError): void => {
      this.#init.logger.warn({ path: error.path, err: error }, error.message);
      try {
        options.onError?.(error);
      } catch {
        // a listener that throws must not stop discovery
      }
    };
    for (const skipped of scan.skipped) this.#init.logger.debug(skipped, 'discovery skipped an entry');
    const validator = new ManifestValidator();
    // One import at a time: Node's loader is slower with hundreds of imports in flight, and the
    // order of top-level side effects stays the scan order.
    const found: Candidate[] = [];
    for (const folder of scan.folders)
      found.push(...((await this.#fromFolder(folder, validator).catch(report)) ?? []));
    for (const file of scan.modules)
      found.push(...((await this.fromModule(file, 'directory').catch(report)) ?? []));
    return this.register(found, report);
  }

  /** Registers the plugin modules of the host's packages that declare `"trellis": { "plugins" }`. */
  async discoverPackages(options: DiscoverPackagesOptions = {}): Promise<string[]> {
    let packages;
    try {
      packages = await discoverPackages(options);
    } catch (error) {
      throw toDiscoveryError(error, options.cwd ?? process.cwd(), 'Cannot discover plugin packages');
    }
    const found: Candidate[] = [];
    for (const pkg of packages) {
      for (const file of pkg.plugins) found.push(...(await this.fromModule(file, 'package')));
    }
    return this.register(found);
  }

  /** The plugins a module exports; rejects when it fails to import or exports none. */
  async fromModule(file: string, origin: PluginSource['origin']): Promise<Candidate[]> {
    let namespace: Record<string, unknown>;
    try {
      namespace = await importModule(file);
    } catch (error) {
      throw toDiscoveryError(error, file, 'Skipped a plugin module');
    }
    const exports = pluginExports(namespace);
    if (exports.length === 0) {
      throw new PluginDiscoveryError(
        `Skipped '${file}': it exports no plugin (no class decorated with @plugin, made by definePlugin, or a decorated PluginBase subclass). Export one, or rename the file so the discovery pattern does not match it.`,
        { path: file },
      );
    }
    return exports.map(({ exportName, cls, name }) => ({
      name,
      cls,
      source: { file, exportName, manifestDir: undefined, origin, manifest: undefined },
    }));
  }

  /** Validates a plugin folder's manifest, then (only then) imports its `main`. */
  async #fromFolder(folder: string, validator: ManifestValidator): Promise<Candidate[]> {
    let info: ManifestInfo;
    try {
      info = await readManifest(folder, { validator });
    } catch (error) {
      throw toDiscoveryError(error, folder, 'Skipped a plugin folder');
    }
    // An isolated plugin folder is never imported by the host: its stand-in comes from the manifest.
    const standIn = this.#init.prepareManifest?.(info);
    const cls = standIn ?? (await classFromManifest(info));
    return [
      {
        name: info.manifest.name,
        cls,
        source: {
          file: info.mainPath,
          exportName: info.exportName,
          manifestDir: info.dir,
          origin: 'manifest',
          manifest: info,
        },
      },
    ];
  }

  /**
   * Registers candidates. Two sources of one name (in this batch, or one registered before from
   * another file) throw `PluginDiscoveryError` naming both, before anything is registered. A class
   * whose metadata is invalid is reported (through `report`, else thrown) and skipped.
   */
  register(candidates: readonly Candidate[], report?: (error: PluginDiscoveryError) => void): string[] {
    const { sources, registrar } = this.#init;
    const batch = new Map<string, Candidate>();
    for (const candidate of candidates) {
      const earlier = batch.get(candidate.name)?.source ?? sources.get(candidate.name);
      if (earlier !== undefined && !sameSource(earlier, candidate.source)) {
        throw new PluginDiscoveryError(
          `Two sources define the plugin '${candidate.name}': ${describeSource(earlier)} and ${describeSource(candidate.source)}. Rename one of them or remove one from the discovered paths.`,
          { path: candidate.source.file },
        );
      }
      batch.set(candidate.name, candidate);
    }
    const names: string[] = [];
    for (const candidate of batch.values()) {
      try {
        const { cls, source } = candidate;
        // a plugin folder's stand-in is already prepared; a class from a file may become one
        const prepared =
          isolationInfoOf(cls) === undefined
            ? this.#init.prepare?.(cls, source.file, source.exportName)
            : cls;
        registrar.register([prepared ?? cls], {});
      } catch (error) {
        const failure = toDiscoveryError(error, candidate.source.file, `Skipped plugin '${candidate.name}'`);
        if (report === undefined) throw failure;
        report(failure);
        continue;
      }
      sources.set(candidate.name, candidate.source);
      names.push(candidate.name);
    }
    return names;
  }
}

function sameSource(a: PluginSource, b: PluginSource): boolean {
  return a.file === b.file && a.exportName === b.exportName;
}

/**
 * Imports a manifest's `main` (optionally cache-busted) and checks its export against the manifest:
 * a plugin class with the manifest's name (and version, when the class declares one). Internal.
 */
export async function classFromManifest(info: ManifestInfo, version?: string): Promise<PluginClass> {
  const { mainPath, exportName, manifest, file } = info;
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(mainPath, { version });
  } catch (error) {
    throw toDiscoveryError(error, mainPath, `Plugin folder '${info.dir}'`);
  }
  const value = Object.prototype.hasOwnProperty.call(namespace, exportName)
    ? namespace[exportName]
    : undefined;
  const options = getPluginOptions(value);
  if (options === undefined) {
    throw new PluginDiscoveryError(
      `Plugin folder '${info.dir}': export '${exportName}' of '${mainPath}' is ${value === undefined ? 'missing' : 'not a plugin class'}. Export the plugin class there, or set "export" in ${file}.`,
      { path: mainPath },
    );
  }
  if (
    options.name !== manifest.name ||
    (options.version !== undefined && options.version !== manifest.version)
  ) {
    throw new PluginDiscoveryError(
      `Plugin folder '${info.dir}': the class in '${mainPath}' declares ${options.name}@${options.version ?? '(no version)'} but ${file} says ${manifest.name}@${manifest.version}. Make them agree.`,
      { path: file },
    );
  }
  return value as PluginClass;
}
