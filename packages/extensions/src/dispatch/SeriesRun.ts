/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same never-mutated arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isPassThrough } from './isPassThrough.js';
import { isStop } from './isStop.js';
import { HandlerContext } from './HandlerContext.js';
import { isThenable } from './isThenable.js';
import { rejected } from './rejected.js';
import type { PlanSection } from './PlanSection.js';
import { SeriesMode } from './SeriesMode.js';
import { REWIND, STOP_MARK, TAKE_STOP } from './contextInternals.js';
import { countThrown } from './countingSection.js';

/**
 * The asynchronous part of a series dispatch (filter, notify, collect), once a handler returned a
 * thenable. It chains `then` callbacks created once per run instead of suspending an `async`
 * function: an `await` saves and restores every live local of the loop at each handler, which
 * costs more than the handlers themselves for short ones. Between thenables, handlers run
 * synchronously as in the plain loops.
 */
export class SeriesRun {
  readonly #engine: DispatchEngine;
  readonly #section: PlanSection;
  readonly #event: string;
  readonly #strategy: ErrorStrategy;
  readonly #mode: SeriesMode;
  readonly #results: unknown[];
  #value: unknown;
  #errors: HookError[] | undefined;
  /** The handler being awaited, or the next one to run. */
  #index: number;
  #ctx: HandlerContext | undefined = undefined;
  #mark = 0;
  #resolve: (value: unknown) => void = noop;
  #reject: (error: unknown) => void = noop;
  readonly #onFulfilled = (result: unknown): void => {
    this.#fulfilled(result);
  };
  readonly #onRejected = (error: unknown): void => {
    this.#rejected(error);
  };

  private constructor(
    engine: DispatchEngine,
    section: PlanSection,
    event: string,
    strategy: ErrorStrategy,
    mode: SeriesMode,
    value: unknown,
    results: unknown[],
    errors: HookError[] | undefined,
    index: number,
  ) {
    this.#engine = engine;
    this.#section = section;
    this.#event = event;
    this.#strategy = strategy;
    this.#mode = mode;
    this.#value = value;
    this.#results = results;
    this.#errors = errors;
    this.#index = index;
  }

  /**
   * Continues a series from handler `index`. With `ctx`, `pending` is the thenable that handler
   * returned (and `mark` its context's stop mark before the call); without, `pending` is a failure
   * report to wait for before running handler `index`.
   */
  static continue(
    engine: DispatchEngine,
    section: PlanSection,
    event: string,
    strategy: ErrorStrategy,
    mode: SeriesMode,
    value: unknown,
    results: unknown[],
    errors: HookError[] | undefined,
    index: number,
    pending: PromiseLike<unknown>,
    ctx?: HandlerContext,
    mark = 0,
  ): Promise<unknown> {
    const run = new SeriesRun(engine, section, event, strategy, mode, value, results, errors, index);
    return new Promise((resolve, reject) => {
      run.#resolve = resolve;
      run.#reject = reject;
      if (ctx === undefined) {
        run.#afterReport(pending);
      } else {
        run.#await(pending, ctx, mark);
      }
    });
  }

  #await(pending: PromiseLike<unknown>, ctx: HandlerContext, mark: number): void {
    this.#ctx = ctx;
    this.#mark = mark;
    const reg = this.#section.regs[this.#index]!;
    if (!reg.declaredAsync && !reg.returnsPromise)
      this.#engine.noteAsync(this.#section.entries[this.#index]!);
    toPromise(pending).then(this.#onFulfilled, this.#onRejected);
  }

  /** Goes on once a failure report (`log-and-continue`) is done; callbacks made only on this rare path. */
  #afterReport(report: PromiseLike<unknown>): void {
    toPromise(report).then(
      () => {
        this.#advance();
      },
      (error: unknown) => {
        this.#reject(error);
      },
    );
  }

  #apply(result: unknown): void {
    if (result === undefined) return;
    if (this.#mode === SeriesMode.Filter) this.#value = result;
    else if (this.#mode === SeriesMode.Collect) this.#results.push(result);
  }

  #fulfilled(returned: unknown): void {
    const ctx = this.#ctx!;
    const stopped = ctx[STOP_MARK] !== this.#mark;
    this.#apply(stopped ? ctx[TAKE_STOP](this.#mark, returned) : returned);
    if (stopped) {
      this.#finish();
      return;
    }
    this.#index++;
    this.#advance();
  }

  #rejected(error: unknown): void {
    this.#ctx![REWIND](this.#mark);
    if (this.#section.counted) countThrown(this.#section.regs[this.#index], error);
    if (this.#fail(error)) this.#advance();
  }

  /** Applies the strategy to a failure of handler `#index`; returns whether to go on at once. */
  #fail(error: unknown): boolean {
    if (isStop(error)) {
      this.#apply(error.value);
      this.#finish();
      return false;
    }
    if (isPassThrough(error)) {
      this.#reject(error);
      return false;
    }
    const engine = this.#engine;
    const hookError = engine.wrap(error, this.#section.entries[this.#index]!);
    this.#index++;
    if (this.#strategy === 'fail-fast') {
      engine.callOwner(hookError);
      this.#reject(hookError);
      return false;
    }
    if (this.#strategy === 'collect-all') {
      (this.#errors ??= []).push(hookError);
      engine.callOwner(hookError);
      return true;
    }
    this.#afterReport(engine.logAndContinueAsync(hookError));
    return false;
  }

  /** Runs handlers from `#index` synchronously until one returns a thenable or all have run. */
  #advance(): void {
    const { fns, ctxs, regs, counted } = this.#section;
    const count = fns.length;
    try {
      while (this.#index < count) {
        const index = this.#index;
        const ctx = ctxs[index] ?? new HandlerContext(this.#event, regs[index]!.plugin, this.#section.kind);
        const mark = ctx[STOP_MARK];
        let result: unknown;
        let thenable: boolean;
        // Counting stats: the call is counted before the handler runs, a failure when it throws.
        if (counted) regs[index]!.stats.calls++;
        try {
          result = fns[index]!(this.#value, ctx);
          // Inside the `try`: reading `then` of a hostile value may throw (a failure of this handler).
          thenable = result !== undefined && isThenable(result);
        } catch (error) {
          ctx[REWIND](mark);
          if (counted) countThrown(regs[index], error);
          if (this.#fail(error)) continue;
          return;
        }
        if (thenable) {
          this.#await(result as PromiseLike<unknown>, ctx, mark);
          return;
        }
        const stopped = ctx[STOP_MARK] !== mark;
        this.#apply(stopped ? ctx[TAKE_STOP](mark, result) : result);
        if (stopped) break;
        this.#index = index + 1;
      }
      this.#finish();
    } catch (error) {
      this.#reject(error);
    }
  }

  #finish(): void {
    const outcome =
      this.#mode === SeriesMode.Collect
        ? this.#results
        : this.#mode === SeriesMode.Filter
          ? this.#value
          : undefined;
    const errors = this.#errors;
    if (errors === undefined) this.#resolve(outcome);
    else this.#reject(new HookAggregateError({ event: this.#event, errors, value: outcome }));
  }
}

const noop = (): void => undefined;

/** A native promise settling like `thenable`; never throws (a `then` that throws gives a rejection). */
const toPromise = (thenable: PromiseLike<unknown>): Promise<unknown> => {
  try {
    return thenable instanceof Promise ? (thenable as Promise<unknown>) : Promise.resolve(thenable);
  } catch (error) {
    return rejected(error);
  }
};
