/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same never-mutated arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isPassThrough } from './isPassThrough.js';
import { isStop } from './isStop.js';
import type { PlanSection } from './DispatchPlan.js';
import { HandlerContext } from './HandlerContext.js';
import { isThenable } from './isThenable.js';
import { rejected } from './rejected.js';
import { SeriesMode } from './SeriesMode.js';
import { SeriesRun } from './SeriesRun.js';
import { REWIND, STOP_MARK, TAKE_STOP } from './contextInternals.js';
import { countThrown } from './countingSection.js';

const outcomeOf = (mode: SeriesMode, value: unknown, results: unknown[]): unknown =>
  mode === SeriesMode.Collect ? results : mode === SeriesMode.Filter ? value : undefined;

const finish = (
  mode: SeriesMode,
  event: string,
  value: unknown,
  results: unknown[],
  errors: HookError[] | undefined,
): unknown => {
  const outcome = outcomeOf(mode, value, results);
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: outcome });
  return outcome;
};

/**
 * The plain asynchronous series loop for filter, notify and collect, from handler `start` on,
 * inside an entered dispatch. It runs synchronously, with no promise per handler, until a handler
 * returns a thenable (or a failure must be reported asynchronously); only then does it continue in
 * an `async` function. Handlers known to be asynchronous get a fresh context per run, since their
 * `ctx.stop()` may come after an `await` while other dispatches of the same event are in flight.
 * Never throws: failures become rejections.
 */
export function seriesFrom(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  mode: SeriesMode,
  start: number,
  results: unknown[],
  pending: HookError[] | undefined,
): Promise<unknown> {
  const fns = section.fns;
  const ctxs = section.ctxs;
  const count = fns.length;
  // Counting stats: each handler's call is counted before it runs, its failure when it throws.
  const counted = section.counted;
  // For notify and collect `value` never changes, so every handler gets the input.
  let value = input;
  let errors = pending;
  let index = start;
  let mark = 0;
  try {
    while (index < count) {
      try {
        for (; index < count; index++) {
          const ctx = ctxs[index] ?? new HandlerContext(event, section.regs[index]!.plugin, section.kind);
          mark = ctx[STOP_MARK];
          if (counted) section.regs[index]!.stats.calls++;
          let result = fns[index]!(value, ctx);
          if (result !== undefined && isThenable(result)) {
            return continueSeries(
              engine,
              section,
              event,
              strategy,
              mode,
              value,
              results,
              errors,
              index,
              result,
              ctx,
              mark,
            );
          }
          const stopped = ctx[STOP_MARK] !== mark;
          if (stopped) result = ctx[TAKE_STOP](mark, result);
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
        // A fresh context (undefined here) is dropped anyway.
        ctxs[index]?.[REWIND](mark);
        if (counted) countThrown(section.regs[index], error);
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
          const report = engine.logAndContinueAsync(hookError);
          return continueSeries(
            engine,
            section,
            event,
            strategy,
            mode,
            value,
            results,
            errors,
            index,
            report,
          );
        }
      }
    }
    return Promise.resolve(finish(mode, event, value, results, errors));
  } catch (error) {
    return rejected(error);
  }
}

/**
 * Resumes an asynchronous series after handler `index` threw `error` synchronously (from a
 * generated runner), inside an entered dispatch; `value` is the value before that handler.
 */
export function seriesResume(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  value: unknown,
  strategy: ErrorStrategy,
  mode: SeriesMode,
  index: number,
  error: unknown,
  results: unknown[],
): Promise<unknown> {
  if (isStop(error)) {
    let final = value;
    if (error.value !== undefined) {
      if (mode === SeriesMode.Filter) final = error.value;
      else if (mode === SeriesMode.Collect) results.push(error.value);
    }
    return Promise.resolve(outcomeOf(mode, final, results));
  }
  if (isPassThrough(error)) return rejected(error);
  const hookError = engine.wrap(error, section.entries[index]!);
  if (strategy === 'fail-fast') {
    engine.callOwner(hookError);
    return Promise.reject(hookError);
  }
  if (strategy === 'collect-all') {
    engine.callOwner(hookError);
    return seriesFrom(engine, section, event, value, strategy, mode, index + 1, results, [hookError]);
  }
  const report = engine.logAndContinueAsync(hookError);
  return continueSeries(engine, section, event, strategy, mode, value, results, undefined, index + 1, report);
}

/**
 * Continues a series asynchronously from `start` (see {@link SeriesRun.continue}): with
 * `awaitingCtx`, `awaiting` is the thenable returned by the handler at `start`; without, a failure
 * report to wait for first.
 */
export function continueSeries(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  strategy: ErrorStrategy,
  mode: SeriesMode,
  input: unknown,
  results: unknown[],
  pending: HookError[] | undefined,
  start: number,
  awaiting: PromiseLike<unknown>,
  awaitingCtx?: HandlerContext,
  awaitingMark = 0,
): Promise<unknown> {
  return SeriesRun.continue(
    engine,
    section,
    event,
    strategy,
    mode,
    input,
    results,
    pending,
    start,
    awaiting,
    awaitingCtx,
    awaitingMark,
  );
}

/** The plain asynchronous series dispatch (see {@link seriesFrom}). */
export function runSeriesAsync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  mode: SeriesMode,
): Promise<unknown> {
  try {
    engine.enter(event);
  } catch (error) {
    return rejected(error);
  }
  try {
    return seriesFrom(engine, section, event, input, strategy, mode, 0, [], undefined);
  } finally {
    engine.depth--;
  }
}
