import { HookAggregateError } from '../errors/HookAggregateError.js';
import type { HookError } from '../errors/HookError.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import type { PlanSection } from './DispatchPlan.js';
import { invokeAsync } from './invokeAsync.js';
import { SeriesMode } from './SeriesMode.js';

/**
 * The asynchronous series loop for plans that use timeouts, retries, `once` or tracing: the same
 * semantics as the plain loops, one {@link invokeAsync} per handler.
 */
export async function runGeneralAsync(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  input: unknown,
  strategy: ErrorStrategy,
  mode: SeriesMode,
  tracing: boolean,
): Promise<unknown> {
  let value = input;
  const results: unknown[] = [];
  let errors: HookError[] | undefined;
  for (const entry of section.entries) {
    const outcome = await invokeAsync(engine, entry, value, tracing);
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
        await engine.logAndContinueAsync(outcome.error);
      }
      continue;
    }
    if (outcome.result !== undefined) {
      if (mode === SeriesMode.Filter) value = outcome.result;
      else if (mode === SeriesMode.Collect) results.push(outcome.result);
    }
    if (outcome.stopped) break;
  }
  const result = mode === SeriesMode.Collect ? results : mode === SeriesMode.Filter ? value : undefined;
  if (errors !== undefined) throw new HookAggregateError({ event, errors, value: result });
  return result;
}
