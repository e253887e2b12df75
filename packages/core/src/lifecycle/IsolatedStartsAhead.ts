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
  constructor(sequence: readonly PluginRecord[]) {
    for (const record of sequence) {
      if (!record.enabled || record.live !== undefined) continue;
      this.#position.set(record, this.#queue.length);
      const info = isolationInfoOf(record.cls);
      if (info !== undefined) this.#queue.push(info);
    }
  }

  /** The sequence reached `record`: the isolated plugins from there on, up to the window, are started. */
  reached(record: PluginRecord): void {
    const end = Math.min(this.#queue.length, (this.#position.get(record) ?? this.#next) + this.#window);
    for (; this.#next < end; this.#next++) this.#queue[this.#next]?.prepare();
  }

  /** Ends what was started ahead and not taken (a plugin skipped, a sequence aborted). */
  discard(): void {
    for (let index = 0; index < this.#next; index++) this.#queue[index]?.discard();
  }
}
