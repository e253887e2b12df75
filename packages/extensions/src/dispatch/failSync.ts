import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { isPassThrough } from './isPassThrough.js';
import type { PlanEntry } from './DispatchPlan.js';

/**
 * Applies the error strategy to what a handler threw (not a stop) in a synchronous section:
 * rethrows pass-through errors, throws the `HookError` under `fail-fast`, records it under
 * `collect-all`, reports it under `log-and-continue`. Returns the (possibly new) error list.
 */
export function failSync(
  engine: DispatchEngine,
  entry: PlanEntry,
  error: unknown,
  strategy: ErrorStrategy,
  errors: HookError[] | undefined,
): HookError[] | undefined {
  if (isPassThrough(error)) throw error;
  const hookError = engine.wrap(error, entry);
  if (strategy === 'fail-fast') {
    engine.callOwner(hookError);
    throw hookError;
  }
  if (strategy === 'collect-all') {
    engine.callOwner(hookError);
    if (errors === undefined) return [hookError];
    errors.push(hookError);
    return errors;
  }
  engine.logAndContinue(hookError);
  return errors;
}
