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

/** The plain synchronous collect loop from handler `start` on, adding to `results` (see `filterFrom`). */
export function collectFrom(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  start: number,
  results: unknown[],
  pending: HookError[] | undefined,
): unknown[] {
  const fns = section.fns;
  const ctxs = section.ctxs;
  const count = fns.length;
  let errors = pending;
  let index = start;
  let mark = 0;
  while (index < count) {
    try {
      for (; index < count; index++) {
        const ctx = ctxs[index]!;
        mark = ctx[STOP_MARK];
        let result = fns[index]!(input, ctx);
        if (result !== undefined && isThenable(result)) {
          engine.promiseInSync(section.entries[index]!, result);
          result = undefined;
        }
        if (ctx[STOP_MARK] !== mark) {
          result = ctx[TAKE_STOP](mark, result);
          if (result !== undefined) results.push(result);
          index = count;
          break;
        }
        if (result !== undefined) results.push(result);
      }
    } catch (error) {
      ctxs[index]![REWIND](mark);
      if (isStop(error)) {
        if (error.value !== undefined) results.push(error.value);
        break;
      }
      errors = failSync(engine, section.entries[index]!, error, strategy, errors);
      index++;
    }
  }
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: results });
  return results;
}

/** Resumes a collect after handler `index` threw `error`, inside an entered dispatch. */
export function collectResume(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  index: number,
  error: unknown,
  results: unknown[],
): unknown[] {
  if (isStop(error)) {
    if (error.value !== undefined) results.push(error.value);
    return results;
  }
  const errors = failSync(engine, section.entries[index]!, error, strategy, undefined);
  return collectFrom(engine, section, event, input, strategy, index + 1, results, errors);
}

/** The plain synchronous collect dispatch. */
export function runCollectSync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
): unknown[] {
  engine.enter(event);
  try {
    return collectFrom(engine, section, event, input, strategy, 0, [], undefined);
  } finally {
    engine.depth--;
  }
}
