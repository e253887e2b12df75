import { StartupError } from '../errors/StartupError.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginFailureMode } from './PluginFailureMode.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import type { FailureRecorder } from './FailureRecorder.js';
import { LIFECYCLE_EVENTS } from './LIFECYCLE_EVENTS.js';
import type { LifecycleEvents } from './LifecycleEvents.js';
import { IsolatedStartsAhead } from './IsolatedStartsAhead.js';
import type { PluginLoader } from './PluginLoader.js';
import type { PluginRunner } from './PluginRunner.js';
import type { Preflight } from './Preflight.js';
import type { PluginFailure, StartReport, StopReport } from './reports.js';

const ignore = (): undefined => undefined;

/** What a {@link StartStopSequence} works with. Internal. */
export interface StartStopSequenceInit {
  readonly dependencies: DependencyResolver;
  readonly failureMode: PluginFailureMode;
  readonly preflight: Preflight;
  readonly loader: PluginLoader;
  readonly runner: PluginRunner;
  readonly failures: FailureRecorder;
  readonly events: LifecycleEvents;
  readonly logger: Logger;
}

/**
 * The host's `start()` and `stop()`: every plugin in dependency order, then in exact reverse start
 * order; concurrent calls share one run. Internal.
 */
export class StartStopSequence {
  readonly #init: StartStopSequenceInit;
  #running = false;
  #starting: Promise<StartReport> | undefined;
  #stopping: Promise<StopReport> | undefined;
  #stopAfterStart: Promise<StopReport> | undefined;

  constructor(init: StartStopSequenceInit) {
    this.#init = init;
  }

  /** Whether the host is started (plugins coming back from a reload are started too). */
  get running(): boolean {
    return this.#running;
  }

  /** Loads and starts every enabled plugin in dependency order. */
  start(): Promise<StartReport> {
    this.#starting ??= this.#startAll().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  /**
   * Stops every started plugin in reverse start order; does nothing when none is started. Called
   * while `start()` runs, it lets it finish first, so nothing starts after it resolves.
   */
  stop(): Promise<StopReport> {
    const starting = this.#starting;
    if (starting === undefined) return this.#stopNow();
    this.#stopAfterStart ??= starting.then(ignore, ignore).then(() => {
      this.#stopAfterStart = undefined;
      return this.#stopNow();
    });
    return this.#stopAfterStart;
  }

  #stopNow(): Promise<StopReport> {
    if (this.#stopping !== undefined) return this.#stopping;
    this.#running = false;
    if (this.#init.runner.started.size === 0)
      return Promise.resolve({ stopped: [], failed: [], durationMs: 0 });
    this.#stopping = this.#stopAll().finally(() => {
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  async #startAll(): Promise<StartReport> {
    const { dependencies, failureMode, loader, runner, failures } = this.#init;
    const began = performance.now();
    const graph = dependencies.graph();
    if (failureMode === 'abort') await this.#init.preflight.check();
    this.#running = true;
    const started: string[] = [];
    const failed: PluginFailure[] = [];
    const skipped: string[] = [];
    await IsolatedStartsAhead.walk(graph.sequence, skipped, async (record) => {
      // Already running: a second start() reports only what it started itself.
      if (record.started) return;
      // A load in progress (a concurrent load()) is awaited before the plugin starts.
      const loaded =
        (record.live !== undefined && record.loading === undefined) || (await loader.loadOne(record));
      const ok = loaded && (await runner.start(record));
      if (ok) {
        started.push(record.name);
        return;
      }
      const failure = failures.failureOf(record);
      failed.push(failure);
      if (failureMode === 'abort') {
        const stopped = await this.#stopNow();
        throw new StartupError([failure.error, ...stopped.failed.map((entry) => entry.error)]);
      }
    });
    const durationMs = performance.now() - began;
    this.#init.logger.info(
      { started: started.length, failed: failed.length, skipped: skipped.length, durationMs },
      'plugins started',
    );
    await this.#init.events.app(LIFECYCLE_EVENTS.startup, started, failed);
    return { started, failed, skipped, durationMs };
  }

  async #stopAll(): Promise<StopReport> {
    const began = performance.now();
    const stopping = [...this.#init.runner.started].reverse().map((record) => record.name);
    await this.#init.events.app(LIFECYCLE_EVENTS.stopping, stopping, []);
    const stopped: string[] = [];
    const failed: PluginFailure[] = [];
    for (const record of [...this.#init.runner.started].reverse()) {
      const error = await this.#init.runner.stop(record);
      if (error === undefined) stopped.push(record.name);
      else failed.push({ name: record.name, error });
    }
    const durationMs = performance.now() - began;
    this.#init.logger.info({ stopped: stopped.length, failed: failed.length, durationMs }, 'plugins stopped');
    await this.#init.events.app(LIFECYCLE_EVENTS.shutdown, stopped, failed);
    return { stopped, failed, durationMs };
  }
}
