import type { HookContext } from '../handlers/HookContext.js';

/**
 * The run-time {@link HookContext}. The fast path reuses one instance per (handler, event) for
 * every synchronous run, so it must not carry per-run state that outlives the run: a stop request
 * is detected by comparing {@link HandlerContext.stopMark} before and after the call (correct even
 * when the same handler re-enters its own event), and the abort signal is created only when read.
 */
export class HandlerContext implements HookContext {
  readonly event: string;
  readonly plugin: string | undefined;
  /** Incremented by every `stop()` call. */
  stopMark = 0;
  /** The value given to the latest `stop(value)` call (`undefined` when none was given). */
  stopValue: unknown = undefined;
  #controller: AbortController | undefined = undefined;
  #abortReason: unknown = undefined;
  #aborted = false;

  constructor(event: string, plugin: string | undefined) {
    this.event = event;
    this.plugin = plugin;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  stop(value?: unknown): void {
    this.stopValue = value;
    this.stopMark++;
  }

  /** Aborts {@link HandlerContext.signal} (creating nothing when the signal was never read). */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#abortReason = reason;
    this.#controller?.abort(reason);
  }
}
