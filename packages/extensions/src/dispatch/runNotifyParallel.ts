import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import type { PlanSection } from './DispatchPlan.js';
import { invokeAsync } from './invokeAsync.js';

/**
 * `notifyAsync(…, { parallel: true })`: every handler starts at once (in order); the call settles
 * when all have. Failures are then handled in handler order: `fail-fast` throws the first one,
 * `collect-all` throws them all, `log-and-continue` reports each. Stopping has no effect.
 */
export async function runNotifyParallel(
  engine: DispatchEngine,
  section: PlanSection,
  payload: unknown,
  strategy: ErrorStrategy,
  tracing: boolean,
): Promise<void> {
  const outcomes = await Promise.all(
    section.entries.map((entry) => invokeAsync(engine, entry, payload, tracing)),
  );
  const errors: HookError[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'failed') continue;
    errors.push(outcome.error);
    if (strategy === 'log-and-continue') await engine.logAndContinueAsync(outcome.error);
    else engine.callOwner(outcome.error);
  }
  const first = errors[0];
  if (first === undefined || strategy === 'log-and-continue') return;
  if (strategy === 'fail-fast') throw first;
  throw new HookAggregateError({ event: first.event, errors, value: undefined });
}
