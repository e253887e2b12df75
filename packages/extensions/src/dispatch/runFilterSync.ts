/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same never-mutated arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isStop } from './isStop.js';
import type { PlanSection } from './DispatchPlan.js';
import { failSync } from './failSync.js';
import { isThenable } from './isThenable.js';
import { REWIND, STOP_MARK, TAKE_STOP } from './contextInternals.js';

/**
 * The plain synchronous filter loop from handler `start` on, inside an entered dispatch: no
 * per-handler allocation, no closure, one `try` around the loop that resumes after a failing
 * index. Used while a plan is cold and to resume a generated runner after a failure.
 */
export function filterFrom(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  start: number,
  pending: HookError[] | undefined,
): unknown {
  const fns = section.fns;
  const ctxs = section.ctxs;
  const count = fns.length;
  let value = input;
  let errors = pending;
  let index = start;
  let mark = 0;
  while (index < count) {
    try {
      for (; index < count; index++) {
        const ctx = ctxs[index]!;
        mark = ctx[STOP_MARK];
        const result = fns[index]!(value, ctx);
        if (result !== undefined) {
          if (isThenable(result)) engine.promiseInSync(section.entries[index]!, result);
          else value = result;
        }
        if (ctx[STOP_MARK] !== mark) {
          value = ctx[TAKE_STOP](mark, value);
          index = count;
          break;
        }
      }
    } catch (error) {
      // Stops the handler requested before it threw belong to this run only.
      ctxs[index]![REWIND](mark);
      if (isStop(error)) {
        if (error.value !== undefined) value = error.value;
        break;
      }
      errors = failSync(engine, section.entries[index]!, error, strategy, errors);
      index++;
    }
  }
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value });
  return value;
}

/**
 * Resumes a filter after handler `index` threw `error` (a stop or a failure), inside an entered
 * dispatch; `value` is the value before that handler.
 */
export function filterResume(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  value: unknown,
  strategy: ErrorStrategy,
  index: number,
  error: unknown,
): unknown {
  if (isStop(error)) return error.value !== undefined ? error.value : value;
  const errors = failSync(engine, section.entries[index]!, error, strategy, undefined);
  return filterFrom(engine, section, event, value, strategy, index + 1, errors);
}

/** The plain synchronous filter dispatch (see {@link filterFrom}). */
export function runFilterSync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
): unknown {
  engine.enter(event);
  try {
    return filterFrom(engine, section, event, input, strategy, 0, undefined);
  } finally {
    engine.depth--;
  }
}
