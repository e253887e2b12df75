import type { HookContext } from '../handlers/HookContext.js';
import type { PointKind } from '../points/ExtensionPoint.js';
import { ABORT, REWIND, STOP_MARK, STOP_VALUE, TAKE_STOP } from './contextInternals.js';

/** Stop values kept for enclosing runs at most (more only when a context is stopped outside its runs). */
const MAX_EARLIER_STOPS = 1_024;

/**
 * The run-time {@link HookContext}. The fast path reuses one instance per (handler, event, kind)
 * for every synchronous run, so it must not carry per-run state that outlives the run: a stop
 * request is detected by comparing the stop mark before and after the call, and the abort signal
 * is created only when read.
 *
 * When a handler re-enters its own event, the nested run uses the same instance inside the outer
 * run. Whoever saw the mark move (or the run throw) therefore rewinds the context to the mark it
 * took before the call ({@link TAKE_STOP}, {@link REWIND}): the nested run's stop requests are then
 * invisible to the outer run, and a stop value the outer run gave before re-entering is back in
 * place. Only the stop paths pay for this, not the per-handler path.
 *
 * Dispatch-only members are symbol-keyed (see `contextInternals.ts`): by name a handler sees
 * `event`, `kind`, `plugin`, `signal` and `stop` only.
 */
export class HandlerContext implements HookContext {
  readonly event: string;
  readonly kind: PointKind;
  readonly plugin: string | undefined;
  /**
   * Incremented by every `stop()` call, decremented by a rewind. A plain field under a symbol key:
   * out of `Object.keys`, JSON and `for…in`, and as fast as a named field (a non-enumerable
   * property defined per instance made every fresh context several times more expensive).
   */
  [STOP_MARK]: number;
  /**
   * The values of the `stop()` calls not yet rewound, latest last (created on the first stop): one
   * field for the latest value and those a rewind restores.
   */
  #stops: unknown[] | undefined;
  /** Created when the signal is first read or the run is aborted (kept to one field: allocated per async run). */
  #controller: AbortController | undefined;

  constructor(event: string, plugin: string | undefined, kind: PointKind) {
    this.event = event;
    this.kind = kind;
    this.plugin = plugin;
    this[STOP_MARK] = 0;
    this.#stops = undefined;
    this.#controller = undefined;
  }

  /** The value given to the latest `stop(value)` call not rewound (`undefined` when none was given). */
  get [STOP_VALUE](): unknown {
    const stops = this.#stops;
    return stops === undefined || stops.length === 0 ? undefined : stops[stops.length - 1];
  }

  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  stop(value?: unknown): void {
    const stops = (this.#stops ??= []);
    // Only stops made outside any run are never rewound; drop the oldest half rather than grow forever.
    if (stops.length > MAX_EARLIER_STOPS) stops.splice(0, MAX_EARLIER_STOPS / 2);
    stops.push(value);
    this[STOP_MARK]++;
  }

  /**
   * Ends the run that took `mark` before its call and saw the mark move: returns the latest stop
   * value (`fallback` when it was `undefined`) and rewinds to `mark`.
   */
  [TAKE_STOP](mark: number, fallback: unknown): unknown {
    const value = this[STOP_VALUE];
    this[REWIND](mark);
    return value !== undefined ? value : fallback;
  }

  /** Undoes the `stop()` calls made since the stop mark was `mark` (a run that threw, or a stopped one). */
  [REWIND](mark: number): void {
    const stops = this.#stops;
    while (this[STOP_MARK] > mark) {
      stops?.pop();
      this[STOP_MARK]--;
    }
  }

  /** Aborts {@link HandlerContext.signal} (creating nothing when the signal was never read). */
  [ABORT](reason: unknown): void {
    const controller = (this.#controller ??= new AbortController());
    if (!controller.signal.aborted) controller.abort(reason);
  }
}
