/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same frozen arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import { isPassThrough, isStop, type DispatchEngine } from './DispatchEngine.js';
import type { PlanSection } from './DispatchPlan.js';
import { isThenable } from './isThenable.js';

/** The plain synchronous notify loop (see `runFilterSync` for the shape). */
export function runNotifySync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  payload: unknown,
  strategy: ErrorStrategy,
): void {
  const fns = section.fns;
  const ctxs = section.ctxs;
  const count = fns.length;
  let errors: HookError[] | undefined;
  let index = 0;
  engine.enter(event);
  try {
    while (index < count) {
      try {
        for (; index < count; index++) {
          const ctx = ctxs[index]!;
          const mark = ctx.stopMark;
          const result = fns[index]!(payload, ctx);
          if (result !== undefined && isThenable(result))
            engine.promiseInSync(section.entries[index]!, result);
          if (ctx.stopMark !== mark) {
            index = count;
            break;
          }
        }
      } catch (error) {
        if (isStop(error)) break;
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
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: undefined });
}
