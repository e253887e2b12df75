import type { Registration } from '../registry/Registration.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isPassThrough } from './isPassThrough.js';
import { isStop } from './isStop.js';
import type { PlanEntry } from './DispatchPlan.js';
import type { HandlerContext } from './HandlerContext.js';
import type { RunOutcome } from './RunOutcome.js';
import { STOP_MARK, STOP_VALUE } from './contextInternals.js';

/**
 * Claims a `once` handler for this run: false when it already ran. The registration is removed
 * at once, so an overlapping dispatch cannot run it again.
 */
export function claimOnce(engine: DispatchEngine, reg: Registration): boolean {
  if (!reg.once) return true;
  if (reg.consumed) return false;
  reg.consumed = true;
  engine.host.remove(reg);
  return true;
}

/** The outcome of an attempt that returned `result`, honouring a `ctx.stop(value)` made during it. */
export function okOutcome(ctx: HandlerContext, result: unknown): RunOutcome {
  const stopped = ctx[STOP_MARK] !== 0;
  return {
    status: 'ok',
    result: stopped && ctx[STOP_VALUE] !== undefined ? ctx[STOP_VALUE] : result,
    stopped,
  };
}

/**
 * The outcome of an attempt that threw: a stop, or a failure wrapped as a `HookError`. Errors that
 * must cross every strategy unchanged (recursion) are rethrown.
 */
export function thrownOutcome(engine: DispatchEngine, error: unknown, entry: PlanEntry): RunOutcome {
  if (isStop(error)) return { status: 'ok', result: error.value, stopped: true };
  if (isPassThrough(error)) throw error;
  return { status: 'failed', error: engine.wrap(error, entry) };
}
