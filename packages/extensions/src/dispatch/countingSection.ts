import type { Registration } from '../registry/Registration.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isPassThrough } from './isPassThrough.js';
import { isStop } from './isStop.js';
import { isThenable } from './isThenable.js';
import { PlanSection, type PlanHandler } from './PlanSection.js';

/**
 * Counts what a handler threw in a counting section, its call having been counted before it ran:
 * a failure is an error, a stop is not, and a pass-through error (recursion) is not a run at all
 * (as in the general loop, which records neither).
 */
export function countThrown(reg: Registration | undefined, error: unknown): void {
  if (reg === undefined || isStop(error)) return;
  const stats = reg.stats;
  if (isPassThrough(error)) stats.calls--;
  else stats.errors++;
}

/**
 * The same handlers and contexts as `section`, each wrapped to count its calls and errors: what the
 * plain loops run when they resume a counting runner after a failure (a rare path, so a closure per
 * handler is fine there). Under `strict` a promise returned to a synchronous dispatch is the
 * handler's failure, counted here as the general loop counts it.
 */
export function countingSection(engine: DispatchEngine, section: PlanSection): PlanSection {
  const strict = engine.host.strict;
  const fns = section.fns.map((fn, k): PlanHandler => {
    const reg = section.regs[k] as Registration;
    return (value, ctx) => {
      reg.stats.calls++;
      let result: unknown;
      try {
        result = fn(value, ctx);
      } catch (error) {
        countThrown(reg, error);
        throw error;
      }
      if (strict && result !== undefined && isThenable(result)) reg.stats.errors++;
      return result;
    };
  });
  return new PlanSection(
    section.event,
    section.kind,
    section.regs,
    section.ctxs,
    section.defaultTimeout,
    true,
    false,
    fns,
  );
}
