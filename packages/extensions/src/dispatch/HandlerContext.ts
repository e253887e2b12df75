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
  stopMark: number;
  /** The value given to the latest `stop(value)` call (`undefined` when none was given). */
  stopValue: unknown;
  /** Created when the signal is first read or the run is aborted (kept to one field: allocated per async run). */
  #controller: AbortController | undefined;

  constructor(event: string, plugin: string | undefined) {
    this.event = event;
    this.plugin = plugin;
    this.stopMark = 0;
    this.stopValue = undefined;
    this.#controller = undefined;
  }

  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  stop(value?: unknown): void {
    this.stopValue = value;
    this.stopMark++;
  }

  /** Aborts {@link HandlerContext.signal} (creating nothing when the signal was never read). */
  abort(reason: unknown): void {
    const controller = (this.#controller ??= new AbortController());
    if (!controller.signal.aborted) controller.abort(reason);
  }
}
