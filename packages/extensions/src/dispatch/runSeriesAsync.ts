/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same frozen arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import { isPassThrough, isStop, type DispatchEngine } from './DispatchEngine.js';
import type { PlanSection } from './DispatchPlan.js';
import { HandlerContext } from './HandlerContext.js';
import { isThenable } from './isThenable.js';
import { SeriesMode } from './SeriesMode.js';
import { rejected } from './rejected.js';

/** State handed from the synchronous prefix to the asynchronous continuation. */
interface SeriesState {
  readonly engine: DispatchEngine;
  readonly section: PlanSection;
  readonly event: string;
  readonly strategy: ErrorStrategy;
  readonly mode: SeriesMode;
  readonly value: unknown;
  readonly results: unknown[];
  readonly errors: HookError[] | undefined;
}

const finish = (
  mode: SeriesMode,
  event: string,
  value: unknown,
  results: unknown[],
  errors: HookError[] | undefined,
): unknown => {
  const outcome = mode === SeriesMode.Collect ? results : mode === SeriesMode.Filter ? value : undefined;
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: outcome });
  return outcome;
};

/**
 * The plain asynchronous series loop for filter, notify and collect. It runs synchronously, with no
 * promise per handler, until a handler returns a thenable (or a failure must be reported
 * asynchronously); only then does it continue in an `async` function. Handlers known to be
 * asynchronous get a fresh context per run, since their `ctx.stop()` may come after an `await`
 * while other dispatches of the same event are in flight.
 */
export function runSeriesAsync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  mode: SeriesMode,
): Promise<unknown> {
  const fns = section.fns;
  const ctxs = section.ctxs;
  const count = fns.length;
  // For notify and collect `value` never changes, so every handler gets the input.
  let value = input;
  const results: unknown[] = [];
  let errors: HookError[] | undefined;
  let index = 0;
  try {
    engine.enter(event);
  } catch (error) {
    return rejected(error);
  }
  try {
    while (index < count) {
      try {
        for (; index < count; index++) {
          const ctx = ctxs[index] ?? new HandlerContext(event, section.entries[index]!.reg.plugin);
          const mark = ctx.stopMark;
          let result = fns[index]!(value, ctx);
          if (result !== undefined && isThenable(result)) {
            engine.noteAsync(section.entries[index]!);
            const state: SeriesState = { engine, section, event, strategy, mode, value, results, errors };
            return continueSeries(state, index, result, ctx, mark);
          }
          const stopped = ctx.stopMark !== mark;
          if (stopped && ctx.stopValue !== undefined) result = ctx.stopValue;
          if (result !== undefined) {
            if (mode === SeriesMode.Filter) value = result;
            else if (mode === SeriesMode.Collect) results.push(result);
          }
          if (stopped) {
            index = count;
            break;
          }
        }
      } catch (error) {
        if (isStop(error)) {
          if (error.value !== undefined) {
            if (mode === SeriesMode.Filter) value = error.value;
            else if (mode === SeriesMode.Collect) results.push(error.value);
          }
          break;
        }
        if (isPassThrough(error)) throw error;
        const hookError = engine.wrap(error, section.entries[index]!);
        if (strategy === 'fail-fast') {
          engine.callOwner(hookError);
          throw hookError;
        }
        index++;
        if (strategy === 'collect-all') {
          (errors ??= []).push(hookError);
          engine.callOwner(hookError);
        } else {
          const state: SeriesState = { engine, section, event, strategy, mode, value, results, errors };
          return continueSeries(state, index, engine.logAndContinueAsync(hookError), undefined, 0);
        }
      }
    }
    return Promise.resolve(finish(mode, event, value, results, errors));
  } catch (error) {
    return rejected(error);
  } finally {
    engine.depth--;
  }
}

/**
 * Continues a series dispatch asynchronously. `pending` is the thenable returned by the handler at
 * `index` (when `pendingCtx` is given) or a failure report to wait for before running `index`.
 */
async function continueSeries(
  state: SeriesState,
  start: number,
  pending: PromiseLike<unknown>,
  pendingCtx: HandlerContext | undefined,
  pendingMark: number,
): Promise<unknown> {
  const { engine, section, event, strategy, mode, results } = state;
  const { fns, ctxs, entries } = section;
  const count = fns.length;
  let value = state.value;
  let errors = state.errors;
  let first: PromiseLike<unknown> | undefined = pending;
  if (pendingCtx === undefined) {
    first = undefined;
    await pending;
  }
  for (let index = start; index < count; index++) {
    let ctx: HandlerContext;
    let mark: number;
    let result: unknown;
    try {
      if (first !== undefined) {
        const awaited = first;
        first = undefined;
        ctx = pendingCtx!;
        mark = pendingMark;
        result = await awaited;
      } else {
        ctx = ctxs[index] ?? new HandlerContext(event, entries[index]!.reg.plugin);
        mark = ctx.stopMark;
        result = fns[index]!(value, ctx);
        if (result !== undefined && isThenable(result)) {
          engine.noteAsync(entries[index]!);
          result = await result;
        }
      }
    } catch (error) {
      if (isStop(error)) {
        if (error.value !== undefined) {
          if (mode === SeriesMode.Filter) value = error.value;
          else if (mode === SeriesMode.Collect) results.push(error.value);
        }
        break;
      }
      if (isPassThrough(error)) throw error;
      const hookError = engine.wrap(error, entries[index]!);
      if (strategy === 'fail-fast') {
        engine.callOwner(hookError);
        throw hookError;
      }
      if (strategy === 'collect-all') {
        (errors ??= []).push(hookError);
        engine.callOwner(hookError);
      } else {
        await engine.logAndContinueAsync(hookError);
      }
      continue;
    }
    const stopped = ctx.stopMark !== mark;
    if (stopped && ctx.stopValue !== undefined) result = ctx.stopValue;
    if (result !== undefined) {
      if (mode === SeriesMode.Filter) value = result;
      else if (mode === SeriesMode.Collect) results.push(result);
    }
    if (stopped) break;
  }
  return finish(mode, event, value, results, errors);
}
