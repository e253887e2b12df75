import type { Logger } from '../logging/Logger.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import type { FailureRecorder } from './FailureRecorder.js';
import type { PluginLoader } from './PluginLoader.js';
import type { PluginRunner } from './PluginRunner.js';
import type { PluginUnloader } from './PluginUnloader.js';
import type { PluginFailure, ReloadReport } from './reports.js';

/** What a {@link PluginReloader} works with. Internal. */
export interface PluginReloaderInit {
  readonly dependencies: DependencyResolver;
  readonly loader: PluginLoader;
  readonly runner: PluginRunner;
  readonly unloader: PluginUnloader;
  readonly failures: FailureRecorder;
  readonly logger: Logger;
  /** Whether the host is started: a plugin reloaded while not loaded is started then. */
  readonly running: () => boolean;
}

/** Hot reload: down with the plugin and its loaded dependents, then back up as they were. Internal. */
export class PluginReloader {
  readonly #init: PluginReloaderInit;

  constructor(init: PluginReloaderInit) {
    this.#init = init;
  }

  /** Rejects with the plugin's error when it fails to come back. */
  async reload(record: PluginRecord): Promise<ReloadReport> {
    const { dependencies, loader, runner, unloader, failures } = this.#init;
    const affected = dependencies.withDependents(record);
    const target = new Map<PluginRecord, 'loaded' | 'started'>();
    for (const member of affected) {
      if (member.live !== undefined) target.set(member, member.started ? 'started' : 'loaded');
    }
    if (!target.has(record)) target.set(record, this.#init.running() ? 'started' : 'loaded');
    for (const member of [...affected].reverse()) {
      if (member.live !== undefined) await unloader.unloadOne(member);
    }
    const reloaded: string[] = [];
    const failed: PluginFailure[] = [];
    for (const member of affected) {
      const wanted = target.get(member);
      if (wanted === undefined) continue;
      const ok = (await loader.loadOne(member)) && (wanted === 'loaded' || (await runner.start(member)));
      if (ok) reloaded.push(member.name);
      else failed.push(failures.failureOf(member));
    }
    if (record.live === undefined) throw failures.failureOf(record).error;
    this.#init.logger.info({ plugin: record.name, reloaded }, 'plugin reloaded');
    return { reloaded, failed };
  }
}
