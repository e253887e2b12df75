import type { TrellisError } from '@trellis/extensions';
import {
  findDependencyProblem,
  type DependencyCheck,
  type DependencyStanding,
} from '../dependencies/findDependencyProblem.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStateMachine } from '../model/PluginStateMachine.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { TRELLIS_VERSION } from '../version.js';
import type { FailureRecorder } from './FailureRecorder.js';
import type { PhaseRunner } from './PhaseRunner.js';
import { notReady } from './PluginLoader.js';
import type { PluginReleaser } from './PluginReleaser.js';
import { toPluginError } from './toPluginError.js';

/** What a {@link PluginRunner} works with. Internal. */
export interface PluginRunnerInit {
  readonly dependencies: DependencyResolver;
  readonly machine: PluginStateMachine;
  readonly phases: PhaseRunner;
  readonly releaser: PluginReleaser;
  readonly failures: FailureRecorder;
}

/** Starts and stops one loaded plugin, and keeps the start order that stopping reverses. Internal. */
export class PluginRunner {
  readonly #init: PluginRunnerInit;
  readonly #check: DependencyCheck;

  constructor(init: PluginRunnerInit) {
    this.#init = init;
    this.#check = { hostVersion: TRELLIS_VERSION, standing: startStanding };
  }

  /** Started plugins, in start order. */
  get started(): ReadonlySet<PluginRecord> {
    return this.#init.machine.started;
  }

  /** Starts a loaded plugin whose dependencies have started; resolves to whether it started. */
  async start(record: PluginRecord): Promise<boolean> {
    const { dependencies, failures, releaser } = this.#init;
    const live = record.live;
    if (live?.instance === undefined) return false;
    const problem = findDependencyProblem(record, dependencies.graph(), this.#check);
    if (problem !== undefined) {
      await releaser.release(record);
      return failures.fail(record, problem);
    }
    // Moves without an event cost no promise.
    const announced = this.#init.machine.transition(record, 'starting');
    if (announced !== undefined) await announced;
    live.context.renewSignal();
    try {
      const pending = this.#init.phases.run(record, live, 'start');
      if (pending !== undefined) await pending;
    } catch (error) {
      await releaser.release(record);
      return failures.fail(record, toPluginError(record.name, error, 'start'));
    }
    await this.#init.machine.transition(record, 'started');
    return true;
  }

  /** Stops a started plugin (aborting its signal first); resolves to its failure, if any. */
  async stop(record: PluginRecord): Promise<TrellisError | undefined> {
    const live = record.live;
    if (live === undefined || !record.started) return undefined;
    const announced = this.#init.machine.transition(record, 'stopping');
    if (announced !== undefined) await announced;
    live.context.abortBecause('stopping');
    try {
      const pending = this.#init.phases.run(record, live, 'stop');
      if (pending !== undefined) await pending;
    } catch (error) {
      const failure = toPluginError(record.name, error, 'stop');
      await this.#init.failures.fail(record, failure);
      return failure;
    }
    await this.#init.machine.transition(record, 'stopped');
    return undefined;
  }
}

function startStanding(dependency: PluginRecord): DependencyStanding {
  if (dependency.started) return 'ready';
  if (!dependency.enabled && dependency.live === undefined) return 'disabled';
  return notReady(dependency);
}
