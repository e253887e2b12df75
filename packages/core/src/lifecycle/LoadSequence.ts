import { StartupError } from '../errors/StartupError.js';
import type { PluginFailureMode } from './PluginFailureMode.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { IsolatedStartsAhead } from './IsolatedStartsAhead.js';
import type { FailureRecorder } from './FailureRecorder.js';
import type { PluginLoader } from './PluginLoader.js';
import type { PluginUnloader } from './PluginUnloader.js';
import type { Preflight } from './Preflight.js';
import type { LoadReport, PluginFailure } from './reports.js';

/** What a {@link LoadSequence} works with. Internal. */
export interface LoadSequenceInit {
  readonly dependencies: DependencyResolver;
  readonly failureMode: PluginFailureMode;
  readonly preflight: Preflight;
  readonly loader: PluginLoader;
  readonly unloader: PluginUnloader;
  readonly failures: FailureRecorder;
}

/** `loadAll()`: every enabled plugin in dependency order, isolating or aborting on failure. Internal. */
export class LoadSequence {
  readonly #init: LoadSequenceInit;

  constructor(init: LoadSequenceInit) {
    this.#init = init;
  }

  /** Never rejects in `isolate` mode; in `abort` mode unloads what it loaded and rejects. */
  async run(): Promise<LoadReport> {
    const { dependencies, failureMode, loader, failures } = this.#init;
    const graph = dependencies.graph();
    if (failureMode === 'abort') await this.#init.preflight.check();
    const loaded: string[] = [];
    const failed: PluginFailure[] = [];
    const skipped: string[] = [];
    const loadedNow: PluginRecord[] = [];
    await IsolatedStartsAhead.walk(graph.sequence, skipped, async (record) => {
      // A load in progress (a concurrent load()) is awaited, not taken for done; it is not ours to undo.
      const ours = record.live === undefined;
      if ((record.live !== undefined && record.loading === undefined) || (await loader.loadOne(record))) {
        loaded.push(record.name);
        if (ours) loadedNow.push(record);
        return;
      }
      const failure = failures.failureOf(record);
      failed.push(failure);
      if (failureMode === 'abort') {
        const errors = [failure.error];
        for (const done of loadedNow.reverse()) errors.push(...(await this.#init.unloader.unloadOne(done)));
        throw new StartupError(errors);
      }
    });
    return { loaded, failed, skipped };
  }
}
