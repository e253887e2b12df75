import { ValidationError } from '@trellis/extensions';
import type { ManifestInfo } from '@trellis/loader';
import type { PluginOptions } from '../plugins/PluginOptions.js';
import type { Logger } from '../logging/Logger.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import { collectInjectedIdentifiers } from '../dependencies/collectInjectedIdentifiers.js';
import { createStandIn, type StandInFaults } from './createStandIn.js';
import { resolveIsolationSettings } from './IsolationSettings.js';

/** What {@link Isolation} works with. Internal. */
export interface IsolationInit {
  /** The raw config section of a plugin (as given to the manager). */
  readonly section: (name: string) => unknown;
  /** The permissions a plugin is granted (declared ∩ host grants). */
  readonly granted: (name: string, declared: readonly string[]) => readonly string[];
  readonly faults: StandInFaults;
  readonly logger: Logger;
  /** The manager's lifecycle timeout (ms). */
  readonly lifecycleTimeout: number;
}

/**
 * Decides where each plugin runs: swaps a plugin from a file that asks for `worker` or `process`
 * isolation (metadata or config, config wins) for its stand-in, and refuses isolation for a class
 * defined in the host's own code. Internal.
 */
export class Isolation {
  readonly #init: IsolationInit;

  constructor(init: IsolationInit) {
    this.#init = init;
  }

  /** The class to register for a plugin found in `file` under `exportName`: the stand-in when isolated. */
  prepare(cls: PluginClass, file: string, exportName: string): PluginClass {
    const options = getPluginOptions(cls);
    if (options === undefined) return cls;
    const section = this.#init.section(options.name);
    const settings = resolveIsolationSettings(options.name, options, section);
    if (settings.mode === 'none') return cls;
    const declared = options.permissions ?? [];
    return createStandIn({
      options,
      injected: collectInjectedIdentifiers(cls),
      file,
      exportName,
      settings,
      section,
      granted: () => this.#init.granted(options.name, declared),
      faults: this.#init.faults,
      logger: this.#init.logger,
      lifecycleTimeout: this.#init.lifecycleTimeout,
    });
  }

  /**
   * The stand-in of a plugin folder whose config section asks for isolation, built from its
   * manifest alone (name, version, dependencies, permissions, config schema): the host never
   * imports its code. `undefined` when the folder runs in the host.
   */
  prepareManifest(info: ManifestInfo): PluginClass | undefined {
    const { manifest } = info;
    const section = this.#init.section(manifest.name);
    const settings = resolveIsolationSettings(manifest.name, {}, section);
    if (settings.mode === 'none') return undefined;
    const options: PluginOptions = {
      name: manifest.name,
      version: manifest.version,
      ...(manifest.description === undefined ? {} : { description: manifest.description }),
      ...(manifest.dependencies === undefined ? {} : { dependencies: manifest.dependencies }),
      ...(manifest.optionalDependencies === undefined
        ? {}
        : { optionalDependencies: manifest.optionalDependencies }),
      ...(manifest.engines?.trellis === undefined ? {} : { engines: { trellis: manifest.engines.trellis } }),
      ...(manifest.permissions === undefined ? {} : { permissions: manifest.permissions }),
      ...(manifest.config === undefined
        ? {}
        : { config: manifest.config as PluginOptions['config'] & object }),
    };
    const declared = options.permissions ?? [];
    return createStandIn({
      options,
      injected: [],
      file: info.mainPath,
      exportName: info.exportName,
      settings,
      section,
      granted: () => this.#init.granted(manifest.name, declared),
      faults: this.#init.faults,
      logger: this.#init.logger,
      lifecycleTimeout: this.#init.lifecycleTimeout,
    });
  }

  /** Throws `ValidationError` when a class registered from code asks for isolation. */
  checkHostClass(cls: PluginClass): void {
    const options = getPluginOptions(cls);
    if (options === undefined) return;
    const settings = resolveIsolationSettings(options.name, options, this.#init.section(options.name));
    if (settings.mode === 'none') return;
    throw new ValidationError(
      `Plugin '${options.name}' asks for isolation '${settings.mode}', but its class is defined in the host's own code: only plugins from files (discovery, plugin folders, packages, URIs) can be isolated, because the worker or process imports the same module. Move it to a plugin file and discover it, or set isolation 'none'.`,
    );
  }
}
