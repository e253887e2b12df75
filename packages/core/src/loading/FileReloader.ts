import { randomUUID } from 'node:crypto';
import { TrellisError, type ExtensionRegistry } from '@trellis/extensions';
import { importModule, readManifest, type ManifestInfo } from '@trellis/loader';
import { PluginDiscoveryError } from '../errors/PluginDiscoveryError.js';
import { isolationInfoOf } from '../isolation/IsolationInfo.js';
import type { PluginLoader } from '../lifecycle/PluginLoader.js';
import type { PluginRegistrar } from '../lifecycle/PluginRegistrar.js';
import type { PluginReloader } from '../lifecycle/PluginReloader.js';
import type { PluginRunner } from '../lifecycle/PluginRunner.js';
import type { ReloadReport } from '../lifecycle/reports.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { FileReloadReport } from './FileReloadReport.js';
import { classFromManifest } from './PluginDiscovery.js';
import type { PluginSource } from './PluginSource.js';
import { ReloadBridge } from './ReloadBridge.js';
import { toDiscoveryError } from './toDiscoveryError.js';

/** What a {@link FileReloader} works with. Internal. */
export interface FileReloaderInit {
  readonly registry: ExtensionRegistry;
  readonly registrar: PluginRegistrar;
  readonly reloader: PluginReloader;
  readonly loader: PluginLoader;
  readonly runner: PluginRunner;
  readonly sources: Map<string, PluginSource>;
  /** The plugin and its dependents, in dependency order. */
  readonly withDependents: (record: PluginRecord) => PluginRecord[];
  readonly logger: Logger;
  /** As at discovery: the class to register for a plugin from a file (its isolation stand-in when isolated). */
  readonly prepare?: ((cls: PluginClass, file: string, exportName: string) => PluginClass) | undefined;
  /** As at discovery: an isolated plugin folder's stand-in, made from its manifest without importing code. */
  readonly prepareManifest?: ((info: ManifestInfo) => PluginClass | undefined) | undefined;
}

type Standing = 'loaded' | 'started';

/**
 * `reload(name)` for plugins that came from files, atomically: the module is imported again
 * (cache-busted) and validated before anything is touched; the plugin's and its dependents' declared
 * hooks stay answering throughout (see `ReloadBridge`); when the new version fails to initialize or
 * to start, the previous class is registered again and the plugin and its dependents are brought back
 * as they were. Plugins registered in code take the plain lifecycle reload. Internal.
 */
export class FileReloader {
  readonly #init: FileReloaderInit;
  readonly #prefix = randomUUID().slice(0, 8);
  #count = 0;
  #tail: Promise<void> = Promise.resolve();

  constructor(init: FileReloaderInit) {
    this.#init = init;
  }

  /** Reloads run one at a time (a watcher and a manual call may ask at once). */
  reload(record: PluginRecord): Promise<FileReloadReport> {
    const run = this.#tail.then(() => this.#reload(record));
    this.#tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #reload(record: PluginRecord): Promise<FileReloadReport> {
    const { sources, registrar, registry, reloader, logger } = this.#init;
    const source = sources.get(record.name);
    if (source === undefined) return reloader.reload(record);

    const next = await this.#prepare(record, source); // nothing is touched before this succeeds
    const affected = this.#init.withDependents(record);
    const before = new Map<PluginRecord, Standing>();
    for (const member of affected) {
      if (member.live !== undefined) before.set(member, member.started ? 'started' : 'loaded');
    }
    const previous = record.cls;
    registrar.register([next.cls], { replace: true }); // validates the metadata; throws untouched
    const bridge = new ReloadBridge(registry);
    bridge.open(affected);
    try {
      let report: ReloadReport | undefined;
      let failure: unknown;
      try {
        report = await reloader.reload(record);
      } catch (error) {
        failure = error;
      }
      const standing = before.get(record);
      const ok =
        failure === undefined && record.live !== undefined && (standing !== 'started' || record.started);
      if (ok && report !== undefined) {
        sources.set(record.name, { ...source, file: next.file, manifest: next.manifest ?? source.manifest });
        return { ...report, file: next.file, rolledBack: false };
      }
      const error = toTrellisError(failure ?? record.lastError, record.name);
      logger.warn(
        { plugin: record.name, err: error },
        'new version failed; rolling back to the previous one',
      );
      registrar.register([previous], { replace: true });
      const reloaded = await this.#restore(affected, before);
      if (phaseOf(error) === 'start') {
        return { reloaded, failed: [], file: next.file, rolledBack: true, error };
      }
      throw error;
    } finally {
      bridge.close();
    }
  }

  /** Reads the manifest again (for a folder), imports the module cache-busted and checks its export. */
  async #prepare(
    record: PluginRecord,
    source: PluginSource,
  ): Promise<{ cls: PluginClass; file: string; manifest: ManifestInfo | undefined }> {
    const version = `${this.#prefix}-${String(++this.#count)}`;
    const name = record.name;
    if (source.manifestDir !== undefined) {
      let info: ManifestInfo;
      try {
        info = await readManifest(source.manifestDir);
      } catch (error) {
        throw toDiscoveryError(
          error,
          source.manifestDir,
          `Reload of '${name}' refused, the running version is kept`,
        );
      }
      if (info.manifest.name !== name) {
        throw new PluginDiscoveryError(
          `Reload of '${name}' refused, the running version is kept: ${info.file} now names '${info.manifest.name}'. Rename it back, or register the new plugin separately.`,
          { path: info.file },
        );
      }
      // An isolated plugin folder is never imported by the host, on reload as at discovery.
      const standIn = this.#init.prepareManifest?.(info);
      return {
        cls: standIn ?? (await classFromManifest(info, version)),
        file: info.mainPath,
        manifest: info,
      };
    }
    let namespace: Record<string, unknown>;
    try {
      namespace = await importModule(source.file, { version });
    } catch (error) {
      throw toDiscoveryError(error, source.file, `Reload of '${name}' refused, the running version is kept`);
    }
    const has = Object.prototype.hasOwnProperty.call(namespace, source.exportName);
    const value = has ? namespace[source.exportName] : undefined;
    const options = getPluginOptions(value);
    if (options === undefined || options.name !== name) {
      const what = !has
        ? `has no export '${source.exportName}' any more`
        : options === undefined
          ? `export '${source.exportName}' is not a plugin class`
          : `export '${source.exportName}' now declares the plugin '${options.name}'`;
      throw new PluginDiscoveryError(
        `Reload of '${name}' refused, the running version is kept: '${source.file}' ${what}. Fix the module and save it again.`,
        { path: source.file },
      );
    }
    // The new version runs where the old one did: an isolated plugin gets a fresh stand-in (and so a
    // fresh worker or process importing the new code), never the plain class in the host.
    const cls = value as PluginClass;
    const prepared =
      isolationInfoOf(cls) === undefined ? this.#init.prepare?.(cls, source.file, source.exportName) : cls;
    return { cls: prepared ?? cls, file: source.file, manifest: undefined };
  }

  /** Brings every member back to how it stood before (the previous class is registered again). */
  async #restore(
    affected: readonly PluginRecord[],
    before: ReadonlyMap<PluginRecord, Standing>,
  ): Promise<string[]> {
    const { loader, runner } = this.#init;
    const restored: string[] = [];
    for (const member of affected) {
      const standing = before.get(member);
      if (standing === undefined) continue;
      if (member.live === undefined && !(await loader.loadOne(member))) continue;
      if (standing === 'started' && !member.started && !(await runner.start(member))) continue;
      restored.push(member.name);
    }
    return restored;
  }
}

function toTrellisError(error: unknown, name: string): TrellisError {
  if (TrellisError.is(error)) return error;
  return new PluginDiscoveryError(`Reload of '${name}' failed: ${String(error)}`, {
    path: name,
    cause: error,
  });
}

function phaseOf(error: TrellisError): unknown {
  return (error as { phase?: unknown }).phase;
}
