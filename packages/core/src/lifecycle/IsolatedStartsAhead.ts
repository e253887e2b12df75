import { availableParallelism } from 'node:os';
import { isolationInfoOf, type IsolationInfo } from '../isolation/IsolationInfo.js';
import type { PluginRecord } from '../model/PluginRecord.js';

/**
 * Starts the workers/processes of the isolated plugins of a load sequence ahead of their turn, a few
 * at a time (one more than the CPU count): importing a plugin in a fresh worker costs hundreds of
 * milliseconds of CPU, which the sequence would otherwise spend one plugin after the other.
 * `initialize` still runs in dependency order and takes the started worker. Internal.
 */
export class IsolatedStartsAhead {
  /** The isolated plugins, in sequence order. */
  readonly #queue: IsolationInfo[] = [];
  /** For each record, how many isolated plugins come before it. */
  readonly #position = new Map<PluginRecord, number>();
  readonly #window = availableParallelism() + 1;
  /** How many of the queue were started. */
  #next = 0;

  /** `sequence`: the dependency order; the plugins to load are those enabled and not loaded. */
  private constructor(sequence: readonly PluginRecord[]) {
    for (const record of sequence) {
      if (!record.enabled || record.live !== undefined) continue;
      this.#position.set(record, this.#queue.length);
      const info = isolationInfoOf(record.cls);
      if (info !== undefined) this.#queue.push(info);
    }
  }

  /**
   * Visits the records of a load or start sequence in order: a disabled one that is not loaded is
   * listed in `skipped` instead, and before each visit the isolated plugins from there on, up to the
   * window, are started. Those no `initialize` took are ended when the walk ends (also by a throw).
   */
  static async walk(
    sequence: readonly PluginRecord[],
    skipped: string[],
    visit: (record: PluginRecord) => Promise<void>,
  ): Promise<void> {
    const ahead = new IsolatedStartsAhead(sequence);
    try {
      for (const record of sequence) {
        if (!record.enabled && record.live === undefined) {
          skipped.push(record.name);
          continue;
        }
        ahead.#reached(record);
        await visit(record);
      }
    } finally {
      ahead.#discard();
    }
  }

  /** The sequence reached `record`: the isolated plugins from there on, up to the window, are started. */
  #reached(record: PluginRecord): void {
    const at = this.#position.get(record);
    if (at === undefined) return; // already loaded: nothing to load from here
    const end = Math.min(this.#queue.length, at + this.#window);
    for (; this.#next < end; this.#next++) this.#queue[this.#next]?.prepare();
  }

  /** Ends what was started ahead and not taken (a plugin skipped, a sequence aborted). */
  #discard(): void {
    for (let index = 0; index < this.#next; index++) this.#queue[index]?.discard();
  }
}
