import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import type { PlanSection } from './DispatchPlan.js';
import { invokeSync } from './invokeSync.js';
import { SeriesMode } from './SeriesMode.js';

/**
 * The synchronous series loop for plans that use timeouts, retries, `once` or tracing: the same
 * semantics as the plain loops, one {@link invokeSync} per handler.
 */
export function runGeneralSync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  mode: SeriesMode,
  tracing: boolean,
): unknown {
  let value = input;
  const results: unknown[] = [];
  let errors: HookError[] | undefined;
  engine.enter(event);
  try {
    for (const entry of section.entries) {
      const outcome = invokeSync(engine, entry, value, tracing);
      if (outcome.status === 'skipped') continue;
      if (outcome.status === 'failed') {
        if (strategy === 'fail-fast') {
          engine.callOwner(outcome.error);
          throw outcome.error;
        }
        if (strategy === 'collect-all') {
          (errors ??= []).push(outcome.error);
          engine.callOwner(outcome.error);
        } else {
          engine.logAndContinue(outcome.error);
        }
        continue;
      }
      if (outcome.result !== undefined) {
        if (mode === SeriesMode.Filter) value = outcome.result;
        else if (mode === SeriesMode.Collect) results.push(outcome.result);
      }
      if (outcome.stopped) break;
    }
  } finally {
    engine.depth--;
  }
  const result = mode === SeriesMode.Collect ? results : mode === SeriesMode.Filter ? value : undefined;
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: result });
  return result;
}
