import type { TrellisError } from '@trellis/extensions';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStateMachine } from '../model/PluginStateMachine.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import type { PluginReleaser } from './PluginReleaser.js';
import type { PluginRunner } from './PluginRunner.js';

const NO_ERRORS: readonly TrellisError[] = Object.freeze([]);

/** What a {@link PluginUnloader} works with. Internal. */
export interface PluginUnloaderInit {
  readonly dependencies: DependencyResolver;
  readonly runner: PluginRunner;
  readonly releaser: PluginReleaser;
  readonly machine: PluginStateMachine;
}

/** Unloads plugins, dependents first, stopping those that run. Internal. */
export class PluginUnloader {
  readonly #init: PluginUnloaderInit;

  constructor(init: PluginUnloaderInit) {
    this.#init = init;
  }

  /** Unloads the plugin and, first, its loaded dependents. */
  async unload(record: PluginRecord): Promise<void> {
    const affected = this.#init.dependencies
      .withDependents(record)
      .filter((member) => member.live !== undefined);
    for (const member of affected.reverse()) await this.unloadOne(member);
  }

  /** Unloads every loaded plugin, dependents first. */
  async unloadAll(): Promise<void> {
    for (const record of [...this.#init.dependencies.graph().sequence].reverse()) {
      if (record.live !== undefined) await this.unloadOne(record);
    }
  }

  /** Waits for a load in progress, stops the plugin if it runs, releases it; returns the errors met. */
  async unloadOne(record: PluginRecord): Promise<readonly TrellisError[]> {
    if (record.loading !== undefined) await record.loading;
    let stopError: TrellisError | undefined;
    if (record.started) stopError = await this.#init.runner.stop(record);
    if (record.live === undefined) return stopError === undefined ? NO_ERRORS : [stopError];
    const error = await this.#init.releaser.release(record);
    if (error !== undefined) record.lastError = error;
    const { machine } = this.#init;
    await machine.transition(record, 'unloaded');
    if (!record.enabled) await machine.transition(record, 'disabled');
    if (stopError === undefined) return error === undefined ? NO_ERRORS : [error];
    return error === undefined ? [stopError] : [stopError, error];
  }
}
