/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is bounded by the loop over the same never-mutated arrays; a checked access would cost on every handler call. */
import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isStop } from './isStop.js';
import type { PlanSection } from './DispatchPlan.js';
import { failSync } from './failSync.js';
import { isThenable } from './isThenable.js';
import { REWIND, STOP_MARK } from './contextInternals.js';

/** The plain synchronous notify loop from handler `start` on (see `filterFrom`). */
export function notifyFrom(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  payload: unknown,
  strategy: ErrorStrategy,
  start: number,
  pending: HookError[] | undefined,
): unknown {
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
        const result = fns[index]!(payload, ctx);
        if (result !== undefined && isThenable(result)) engine.promiseInSync(section.entries[index]!, result);
        if (ctx[STOP_MARK] !== mark) {
          ctx[REWIND](mark);
          index = count;
          break;
        }
      }
    } catch (error) {
      ctxs[index]![REWIND](mark);
      if (isStop(error)) break;
      errors = failSync(engine, section.entries[index]!, error, strategy, errors);
      index++;
    }
  }
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: undefined });
  return undefined;
}

/** Resumes a notify after handler `index` threw `error`, inside an entered dispatch. */
export function notifyResume(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  payload: unknown,
  strategy: ErrorStrategy,
  index: number,
  error: unknown,
): unknown {
  if (isStop(error)) return undefined;
  const errors = failSync(engine, section.entries[index]!, error, strategy, undefined);
  return notifyFrom(engine, section, event, payload, strategy, index + 1, errors);
}

/** The plain synchronous notify dispatch. */
export function runNotifySync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  payload: unknown,
  strategy: ErrorStrategy,
): unknown {
  engine.enter(event);
  try {
    return notifyFrom(engine, section, event, payload, strategy, 0, undefined);
  } finally {
    engine.depth--;
  }
}
