import type { TrellisError } from '@trellis/extensions';
import type { Logger } from '../logging/Logger.js';
import {
  findDependencyProblem,
  type DependencyCheck,
  type DependencyStanding,
} from '../dependencies/findDependencyProblem.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { TRELLIS_VERSION } from '../version.js';
import type { FailureRecorder } from './FailureRecorder.js';
import { LIFECYCLE_EVENTS } from './LIFECYCLE_EVENTS.js';
import type { LifecycleEvents } from './LifecycleEvents.js';
import type { PhaseRunner } from './PhaseRunner.js';
import { notReady } from './PluginLoader.js';
import type { PluginReleaser } from './PluginReleaser.js';
import { toPluginError } from './toPluginError.js';

/** What a {@link PluginRunner} works with. Internal. */
export interface PluginRunnerInit {
  readonly dependencies: DependencyResolver;
  /** Started plugins in start order, shared with the releaser. */
  readonly started: Set<PluginRecord>;
  readonly phases: PhaseRunner;
  readonly releaser: PluginReleaser;
  readonly failures: FailureRecorder;
  readonly events: LifecycleEvents;
  readonly logger: Logger;
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
    return this.#init.started;
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
    record.state = 'starting';
    live.context.renewSignal();
    try {
      const pending = this.#init.phases.run(record, live, 'start');
      if (pending !== undefined) await pending;
    } catch (error) {
      await releaser.release(record);
      return failures.fail(record, toPluginError(record.name, error, 'start'));
    }
    record.state = 'started';
    record.started = true;
    this.#init.started.add(record);
    this.#init.logger.debug({ plugin: record.name }, 'plugin started');
    await this.#init.events.plugin(LIFECYCLE_EVENTS.started, record);
    return true;
  }

  /** Stops a started plugin (aborting its signal first); resolves to its failure, if any. */
  async stop(record: PluginRecord): Promise<TrellisError | undefined> {
    const live = record.live;
    this.#init.started.delete(record);
    record.started = false;
    if (live === undefined) return undefined;
    record.state = 'stopping';
    live.context.abortBecause('stopping');
    try {
      const pending = this.#init.phases.run(record, live, 'stop');
      if (pending !== undefined) await pending;
    } catch (error) {
      const failure = toPluginError(record.name, error, 'stop');
      await this.#init.failures.fail(record, failure);
      return failure;
    }
    record.state = 'stopped';
    this.#init.logger.debug({ plugin: record.name }, 'plugin stopped');
    await this.#init.events.plugin(LIFECYCLE_EVENTS.stopped, record);
    return undefined;
  }
}

function startStanding(dependency: PluginRecord): DependencyStanding {
  if (dependency.started) return 'ready';
  if (!dependency.enabled && dependency.live === undefined) return 'disabled';
  return notReady(dependency);
}
