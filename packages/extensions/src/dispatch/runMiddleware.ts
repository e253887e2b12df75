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

type Terminal = (ctx: unknown) => unknown;
type Middleware = (ctx: unknown, next: () => Promise<unknown>, hookCtx: HandlerContext) => unknown;

/** One `run()` call: the onion of handlers around the terminal. */
class MiddlewareRun {
  readonly #engine: DispatchEngine;
  readonly #entries: readonly PlanEntry[];
  readonly #event: string;
  readonly #terminal: Terminal;
  readonly #strategy: ErrorStrategy;
  readonly #tracing: boolean;
  /** Errors that came out of an inner layer (or the terminal): outer layers pass them on unchanged. */
  readonly #inner = new WeakSet<object>();
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
    this.#tracing = tracing;
  }

  /** Runs layer `index` (or the terminal past the last one). */
  layer(index: number, ctx: unknown): Promise<unknown> {
    const entry = this.#entries[index];
    if (entry === undefined) {
      try {
        return Promise.resolve(this.#terminal(ctx));
      } catch (error) {
        return rejected(error);
      }
    }
    return this.#runLayer(index, entry, ctx);
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
        if (typeof error === 'object' && error !== null) this.#inner.add(error);
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
        } else if (
          isPassThrough(error) ||
          (typeof error === 'object' && error !== null && this.#inner.has(error))
        ) {
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
export async function runMiddleware(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  ctx: unknown,
  terminal: Terminal,
  strategy: ErrorStrategy,
  tracing: boolean,
): Promise<unknown> {
  const run = new MiddlewareRun(engine, section, event, terminal, strategy, tracing);
  const result = await run.layer(0, ctx);
  if (run.errors.length > 0) throw new HookAggregateError({ event, errors: run.errors, value: result });
  return result;
}
