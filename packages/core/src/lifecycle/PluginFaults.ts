import type { TrellisError } from '@trellis/extensions';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { DependencyError } from '../errors/DependencyError.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStateMachine } from '../model/PluginStateMachine.js';
import type { PluginStore } from '../model/PluginStore.js';
import type { LifecycleQueue } from './LifecycleQueue.js';
import type { PluginLoader } from './PluginLoader.js';
import type { PluginReleaser } from './PluginReleaser.js';
import type { PluginRunner } from './PluginRunner.js';

/** What {@link PluginFaults} works with. Internal. */
export interface PluginFaultsInit {
  readonly store: PluginStore;
  readonly dependencies: DependencyResolver;
  readonly machine: PluginStateMachine;
  readonly releaser: PluginReleaser;
  readonly runner: PluginRunner;
  readonly loader: PluginLoader;
  readonly queue: LifecycleQueue;
}

/**
 * Failures that happen *between* lifecycle phases — the worker or process of an isolated plugin
 * crashing while the plugin is loaded or started — and the restart of such a plugin. The one way to
 * move a live plugin to `failed` outside a phase. Internal: given to the isolation stand-ins by the
 * manager, never exported.
 *
 * `fail(name, error)` runs as an exclusive lifecycle operation (it waits for the running ones):
 * the plugin's loaded dependents are stopped (if started), released and marked `failed` with a
 * `DependencyError` (`TRELLIS_DEPENDENCY_FAILED`) naming it, dependents first, as section 3 says;
 * then the plugin itself is released (hooks removed, signal aborted, `@preDestroy` run) and marked
 * `failed` with `error` through the state machine (`started → failed` / `loaded → failed`), which
 * logs it and announces `trellis.plugin.error`. A plugin no longer live (already unloaded or failed
 * by its phase) is left as it is.
 */
export class PluginFaults {
  readonly #init: PluginFaultsInit;

  constructor(init: PluginFaultsInit) {
    this.#init = init;
  }

  /** Marks a live plugin failed at run time with `error` (see the class); resolves when done. */
  fail(name: string, error: TrellisError): Promise<void> {
    return this.#init.queue.run(`fault:${name}`, `fault('${name}')`, 'exclusive', async () => {
      const record = this.#record(name);
      if (record?.live === undefined || record.loading !== undefined) return;
      const { dependencies, machine, releaser, runner } = this.#init;
      const dependents = dependencies
        .withDependents(record)
        .filter((member) => member !== record && member.live !== undefined)
        .reverse();
      for (const dependent of dependents) {
        if (dependent.started) await runner.stop(dependent);
        await releaser.release(dependent);
        await machine.transition(
          dependent,
          'failed',
          new DependencyError(
            `Plugin '${dependent.name}' failed because its dependency '${name}' failed: ${error.message}`,
            { code: 'TRELLIS_DEPENDENCY_FAILED', plugin: dependent.name, dependency: name, cause: error },
          ),
        );
      }
      await releaser.release(record);
      await machine.transition(record, 'failed', error);
    });
  }

  /**
   * Loads a failed plugin again and, when `start` is true, starts it; resolves to whether it ends
   * as asked. Its dependents are not reloaded (load or start them again, e.g. with `start()`).
   */
  restart(name: string, start: boolean): Promise<boolean> {
    return this.#init.queue.run(`restart:${name}`, `restart('${name}')`, 'exclusive', async () => {
      const record = this.#record(name);
      if (record?.state !== 'failed') return false;
      const loaded = await this.#init.loader.loadOne(record);
      if (!loaded || !start) return loaded;
      return this.#init.runner.start(record);
    });
  }

  #record(name: string): PluginRecord | undefined {
    return this.#init.store.records.get(name);
  }
}
