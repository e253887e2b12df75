/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same frozen arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import { isPassThrough, isStop, type DispatchEngine } from './DispatchEngine.js';
import type { PlanSection } from './DispatchPlan.js';
import { isThenable } from './isThenable.js';

/** The plain synchronous collect loop (see `runFilterSync` for the shape). */
export function runCollectSync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
): unknown[] {
  const fns = section.fns;
  const ctxs = section.ctxs;
  const count = fns.length;
  const results: unknown[] = [];
  let errors: HookError[] | undefined;
  let index = 0;
  engine.enter(event);
  try {
    while (index < count) {
      try {
        for (; index < count; index++) {
          const ctx = ctxs[index]!;
          const mark = ctx.stopMark;
          let result = fns[index]!(input, ctx);
          if (result !== undefined && isThenable(result)) {
            engine.promiseInSync(section.entries[index]!, result);
            result = undefined;
          }
          if (ctx.stopMark !== mark) {
            if (ctx.stopValue !== undefined) result = ctx.stopValue;
            if (result !== undefined) results.push(result);
            index = count;
            break;
          }
          if (result !== undefined) results.push(result);
        }
      } catch (error) {
        if (isStop(error)) {
          if (error.value !== undefined) results.push(error.value);
          break;
        }
        if (isPassThrough(error)) throw error;
        const hookError = engine.wrap(error, section.entries[index]!);
        if (strategy === 'fail-fast') {
          engine.callOwner(hookError);
          throw hookError;
        }
        if (strategy === 'collect-all') {
          (errors ??= []).push(hookError);
          engine.callOwner(hookError);
        } else {
          engine.logAndContinue(hookError);
        }
        index++;
      }
    }
  } finally {
    engine.depth--;
  }
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: results });
  return results;
}
