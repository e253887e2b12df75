import type { LivePlugin, PluginRecord } from '../model/PluginRecord.js';
import type { LifecycleQueue } from './LifecycleQueue.js';
import { runLifecycleMethod } from './runLifecycleMethod.js';

/** A phase that runs one of the plugin's own methods. */
export type MethodPhase = 'initialize' | 'start' | 'stop';

/**
 * Runs a plugin's lifecycle method bounded by the lifecycle timeout and records its duration.
 * A synchronous method costs no timer and no promise. Internal.
 */
export class PhaseRunner {
  readonly #timeout: number;
  readonly #queue: LifecycleQueue;
  readonly #waiting = (): readonly string[] => this.#queue.waiting;

  constructor(timeout: number, queue: LifecycleQueue) {
    this.#timeout = timeout;
    this.#queue = queue;
  }

  /**
   * `undefined` when the method is absent or settled synchronously; otherwise its completion.
   * `arg` is the method's one argument (the context for `initialize`), or `undefined` for none.
   */
  run(record: PluginRecord, live: LivePlugin, phase: MethodPhase, arg?: unknown): Promise<void> | undefined {
    const instance = live.instance;
    if (instance === undefined) return undefined;
    const began = performance.now();
    let pending: Promise<void> | undefined;
    this.#queue.enter(record.name, phase);
    try {
      pending = runLifecycleMethod(
        instance,
        record.name,
        phase,
        arg,
        this.#timeout,
        live.context,
        this.#waiting,
      );
    } finally {
      this.#queue.leave();
    }
    if (pending === undefined) {
      record.timings[phase] = performance.now() - began;
      return undefined;
    }
    return pending.finally(() => {
      record.timings[phase] = performance.now() - began;
    });
  }
}
