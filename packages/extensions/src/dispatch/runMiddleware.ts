import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import { HookTimeoutError } from '../errors/HookTimeoutError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isPassThrough } from './isPassThrough.js';
import { isStop } from './isStop.js';
import type { PlanEntry, PlanSection } from './DispatchPlan.js';
import { HandlerContext } from './HandlerContext.js';
import { isThenable } from './isThenable.js';
import type { RunOutcome } from './RunOutcome.js';
import { withTimeout } from './withTimeout.js';
import { rejected } from './rejected.js';
import { ABORT, STOP_MARK, STOP_VALUE } from './contextInternals.js';
import { takeSample } from './takeSample.js';

type Terminal = (ctx: unknown) => unknown;
type Middleware = (ctx: unknown, next: () => Promise<unknown>, hookCtx: HandlerContext) => unknown;

/** A layer's result, or the value of a `hookCtx.stop(value)` made during it. */
function stopValueOr(hookCtx: HandlerContext, result: unknown): unknown {
  return hookCtx[STOP_MARK] !== 0 && hookCtx[STOP_VALUE] !== undefined ? hookCtx[STOP_VALUE] : result;
}

/** One `run()` call: the onion of handlers around the terminal. */
class MiddlewareRun {
  readonly #engine: DispatchEngine;
  readonly #entries: readonly PlanEntry[];
  readonly #event: string;
  readonly #terminal: Terminal;
  readonly #strategy: ErrorStrategy;
  readonly #tracing: boolean;
  /** Errors that came out of an inner layer (or the terminal): outer layers pass them on unchanged. */
  #inner: WeakSet<object> | undefined = undefined;
  /** Every layer is plain (no `once`, timeout, retries or tracing): the short path runs. */
  readonly #plain: boolean;
  /** Stats only (no trace logs), this run not timed: the short path counts calls and errors. */
  readonly #counting: boolean;
  readonly errors: HookError[] = [];

  constructor(
    engine: DispatchEngine,
    section: PlanSection,
    event: string,
    terminal: Terminal,
    strategy: ErrorStrategy,
    tracing: boolean,
  ) {
    this.#engine = engine;
    this.#entries = section.entries;
    this.#event = event;
    this.#terminal = terminal;
    this.#strategy = strategy;
    // While only counting, most runs take the short path and count; a sample is timed in full.
    const counting = tracing && section.counted && !takeSample(section);
    this.#tracing = tracing && !counting;
    this.#plain = section.plain && !this.#tracing;
    this.#counting = counting;
  }

  /** Runs layer `index` (or the terminal past the last one). */
  layer(index: number, ctx: unknown): Promise<unknown> {
    const entry = this.#entries[index];
    if (entry === undefined) {
      let result: unknown;
      try {
        result = this.#terminal(ctx);
      } catch (error) {
        if (this.#plain) this.#mark(error);
        return rejected(error);
      }
      return this.#plain ? this.#settle(result) : Promise.resolve(result);
    }
    return this.#plain ? this.#runPlainLayer(index, entry, ctx) : this.#runLayer(index, entry, ctx);
  }

  /**
   * The `next` of layer `index`: runs the inner layers once. On the general path it marks what they
   * reject with; on the short path every rejection is marked where it is made.
   */
  #next(
    index: number,
    ctx: unknown,
    reg: PlanEntry['reg'],
  ): { call: () => Promise<unknown>; inner: Promise<unknown> | undefined } {
    const state: { call: () => Promise<unknown>; inner: Promise<unknown> | undefined } = {
      inner: undefined,
      call: () => {
        if (state.inner !== undefined) return Promise.reject(this.#twice(reg));
        state.inner = this.layer(index + 1, ctx);
        return state.inner;
      },
    };
    return state;
  }

  /** Marks an error that came out of a layer or the terminal: outer layers pass it on unchanged. */
  #mark(error: unknown): void {
    if (typeof error === 'object' && error !== null) (this.#inner ??= new WeakSet()).add(error);
  }

  /** `value` as a promise; a thenable's rejection is marked (see {@link #mark}). */
  #settle(value: unknown): Promise<unknown> {
    if (!isThenable(value)) return Promise.resolve(value);
    return Promise.resolve(value).then(undefined, (error: unknown) => {
      this.#mark(error);
      throw error;
    });
  }

  #twice(reg: PlanEntry['reg']): ValidationError {
    return new ValidationError(
      `Middleware handler '${reg.name}'${reg.plugin === undefined ? '' : ` of plugin '${reg.plugin}'`} ` +
        `called next() more than once on '${this.#event}'. Call next() at most once and reuse its result.`,
    );
  }

  /** Whether `error` came out of an inner layer or must cross every strategy unchanged. */
  #crosses(error: unknown): boolean {
    return (
      isPassThrough(error) ||
      (typeof error === 'object' && error !== null && this.#inner !== undefined && this.#inner.has(error))
    );
  }

  /**
   * A layer without `once`, timeout, retries or tracing: the same semantics as {@link #runLayer}
   * (one attempt), without its bookkeeping and without an `async` frame: a handler's promise is
   * followed with one `then`.
   */
  #runPlainLayer(index: number, entry: PlanEntry, ctx: unknown): Promise<unknown> {
    const reg = entry.reg;
    if (this.#counting) reg.stats.calls++;
    const next = this.#next(index, ctx, reg);
    const hookCtx = new HandlerContext(this.#event, reg.plugin, 'middleware');
    let result: unknown;
    try {
      result = (reg.handler as unknown as Middleware)(ctx, next.call, hookCtx);
    } catch (thrown) {
      return this.#plainThrown(thrown, index, entry, ctx, next);
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (value) => {
          const out = stopValueOr(hookCtx, value);
          return isThenable(out) ? this.#settle(out) : out;
        },
        (thrown: unknown) => this.#plainThrown(thrown, index, entry, ctx, next),
      );
    }
    return this.#settle(stopValueOr(hookCtx, result));
  }

  /** What a plain layer threw: a stop, an error crossing it, or its failure for the strategy. */
  #plainThrown(
    thrown: unknown,
    index: number,
    entry: PlanEntry,
    ctx: unknown,
    next: { readonly inner: Promise<unknown> | undefined },
  ): Promise<unknown> {
    try {
      if (isStop(thrown)) return this.#settle(thrown.value);
      if (this.#crosses(thrown)) {
        // As in the general path, a layer an error only crosses is not recorded as a run.
        if (this.#counting) entry.reg.stats.calls--;
        this.#mark(thrown);
        return rejected(thrown);
      }
      const engine = this.#engine;
      const error = engine.wrap(thrown, entry);
      if (this.#counting) entry.reg.stats.errors++;
      if (this.#strategy === 'fail-fast') {
        engine.callOwner(error);
        this.#mark(error);
        return rejected(error);
      }
      // The failed layer is bypassed: its inner layers' result (run now if it never called next()).
      if (this.#strategy === 'collect-all') {
        this.errors.push(error);
        engine.callOwner(error);
        return next.inner ?? this.layer(index + 1, ctx);
      }
      return engine.logAndContinueAsync(error).then(
        () => next.inner ?? this.layer(index + 1, ctx),
        (failure: unknown) => {
          this.#mark(failure);
          throw failure;
        },
      );
    } catch (error) {
      this.#mark(error);
      return rejected(error);
    }
  }

  async #runLayer(index: number, entry: PlanEntry, ctx: unknown): Promise<unknown> {
    const reg = entry.reg;
    if (reg.once) {
      if (reg.consumed) return this.layer(index + 1, ctx);
      reg.consumed = true;
      this.#engine.host.remove(reg);
    }
    let inner: Promise<unknown> | undefined;
    const next = (): Promise<unknown> => {
      if (inner !== undefined) {
        return Promise.reject(
          new ValidationError(
            `Middleware handler '${reg.name}'${reg.plugin === undefined ? '' : ` of plugin '${reg.plugin}'`} ` +
              `called next() more than once on '${this.#event}'. Call next() at most once and reuse its result.`,
          ),
        );
      }
      inner = this.layer(index + 1, ctx).catch((error: unknown) => {
        if (typeof error === 'object' && error !== null) (this.#inner ??= new WeakSet()).add(error);
        throw error;
      });
      return inner;
    };
    const engine = this.#engine;
    const timeout = entry.timeout;
    const tracing = this.#tracing;
    const runStart = tracing ? performance.now() : 0;
    const logs = tracing && engine.logTraces;
    let outcome: RunOutcome;
    for (let attempt = 0; ; attempt++) {
      const hookCtx = new HandlerContext(this.#event, reg.plugin, 'middleware');
      const start = logs || timeout !== undefined ? performance.now() : 0;
      try {
        let result = (reg.handler as unknown as Middleware)(ctx, next, hookCtx);
        if (isThenable(result)) {
          result = await (timeout === undefined
            ? result
            : withTimeout(result, timeout, hookCtx, () =>
                engine.own(
                  new HookTimeoutError({
                    event: this.#event,
                    plugin: reg.plugin,
                    handler: reg.name,
                    timeout,
                  }),
                ),
              ));
        } else if (timeout !== undefined && performance.now() - start > timeout) {
          const error = engine.own(
            new HookTimeoutError({ event: this.#event, plugin: reg.plugin, handler: reg.name, timeout }),
          );
          hookCtx[ABORT](error);
          throw error;
        }
        const stopped = hookCtx[STOP_MARK] !== 0;
        outcome = {
          status: 'ok',
          result: stopped && hookCtx[STOP_VALUE] !== undefined ? hookCtx[STOP_VALUE] : result,
          stopped,
        };
      } catch (error) {
        if (isStop(error)) {
          outcome = { status: 'ok', result: error.value, stopped: true };
        } else if (this.#crosses(error)) {
          throw error;
        } else {
          outcome = { status: 'failed', error: engine.wrap(error, entry) };
        }
      }
      if (logs) engine.traceAttempt(entry, performance.now() - start, outcome, attempt);
      // A layer that already ran the inner layers is not repeated: that would run them twice.
      if (outcome.status !== 'failed' || attempt >= reg.retries || inner !== undefined) break;
    }
    if (tracing) engine.record(entry, performance.now() - runStart, outcome);
    if (outcome.status === 'ok') return outcome.result;
    const error = outcome.error;
    if (this.#strategy === 'fail-fast') {
      engine.callOwner(error);
      throw error;
    }
    if (this.#strategy === 'collect-all') {
      this.errors.push(error);
      engine.callOwner(error);
    } else {
      await engine.logAndContinueAsync(error);
    }
    // The failed layer is bypassed: its inner layers' result (run now if it never called next()).
    return inner ?? this.layer(index + 1, ctx);
  }
}

/**
 * `registry.run()`: the onion. The highest priority handler is outermost; each gets
 * `(ctx, next, hookCtx)`; the innermost `next()` calls `terminal`. A failing layer is handled by the
 * strategy: `fail-fast` rejects; otherwise the layer is bypassed (its inner layers' result is used)
 * and, for `collect-all`, the call rejects at the end with every failure and the result as `value`.
 * Errors from inner layers and from the terminal cross outer layers unchanged.
 */
export function runMiddleware(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  ctx: unknown,
  terminal: Terminal,
  strategy: ErrorStrategy,
  tracing: boolean,
): Promise<unknown> {
  const run = new MiddlewareRun(engine, section, event, terminal, strategy, tracing);
  // Only `collect-all` has failures to report once the onion is done.
  return strategy === 'collect-all' ? collected(run, event, ctx) : run.layer(0, ctx);
}

/** Runs the onion under `collect-all`: rejects at the end with every failure and the result. */
async function collected(run: MiddlewareRun, event: string, ctx: unknown): Promise<unknown> {
  const result = await run.layer(0, ctx);
  if (run.errors.length > 0) throw new HookAggregateError({ event, errors: run.errors, value: result });
  return result;
}
